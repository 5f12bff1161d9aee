// On a failure Playwright writes the page's accessibility snapshot to error-context.md, which
// on a one-time secret step would hold the secret's field value. This (internal) switch turns
// that off for the spec file that calls it; the error itself is still reported.
import type { TestType } from '@playwright/test';

export function withoutFailureSnapshots(test: Pick<TestType<object, object>, 'beforeAll' | 'afterAll'>): void {
  let previous: string | undefined;
  test.beforeAll(() => {
    previous = process.env.PLAYWRIGHT_NO_COPY_PROMPT;
    process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';
  });
  test.afterAll(() => {
    if (previous === undefined) delete process.env.PLAYWRIGHT_NO_COPY_PROMPT;
    else process.env.PLAYWRIGHT_NO_COPY_PROMPT = previous;
  });
}
