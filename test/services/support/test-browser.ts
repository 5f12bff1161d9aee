// The system browser in the services' tests: records what KeyDesk asks it to open and plays
// the person on the local server's sign-in page, then follows the provider's redirect to
// KeyDesk's loopback listener, over real HTTP. It can also deliver a redirect of the test's
// own making: a browser can be sent anywhere, which is what the refusals are about.
import type { OpenBrowser } from '../../../src/services/sso/sso-ports';
import { openSignInPage, signInThroughPage, submitSignInForm } from '../../server/support/sign-in-browser';

export interface TabPage {
  readonly status: number;
  readonly html: string;
}

export interface TestBrowser {
  readonly openBrowser: OpenBrowser;
  /** Every URL KeyDesk asked to open, in order. */
  readonly opened: string[];
  /** What the port answers: 'system' (Electron) or 'page' (the web preview). */
  answer: 'system' | 'page';
  /** The last URL opened. */
  current(): string;
  /** Signs in on the provider's page; returns its redirect (to the loopback listener), not followed. */
  signInOnPage(email: string, password: string): Promise<string>;
  /** Presses the page's Cancel; returns the provider's redirect, not followed. */
  cancelOnPage(): Promise<string>;
  /** Goes where a redirect points, as the browser would: the tab's page. */
  follow(location: string): Promise<TabPage>;
  /** Signs in and follows the redirect back to KeyDesk. */
  signIn(email: string, password: string): Promise<TabPage>;
}

export function createTestBrowser(): TestBrowser {
  const opened: string[] = [];
  const browser: TestBrowser = {
    opened,
    answer: 'system',
    openBrowser: async (url) => {
      opened.push(url);
      return browser.answer;
    },
    current() {
      const url = opened.at(-1);
      if (url === undefined) throw new Error('KeyDesk opened no browser page');
      return url;
    },
    async signInOnPage(email, password) {
      const answer = await signInThroughPage(browser.current(), email, password);
      if (answer.location === null) throw new Error(`the provider did not redirect (${answer.status})`);
      return answer.location;
    },
    async cancelOnPage() {
      const url = browser.current();
      const answer = await submitSignInForm(url, await openSignInPage(url), { action: 'cancel' });
      if (answer.location === null) throw new Error(`the provider did not redirect (${answer.status})`);
      return answer.location;
    },
    async follow(location) {
      const response = await fetch(location, { redirect: 'manual' });
      return { status: response.status, html: await response.text() };
    },
    async signIn(email, password) {
      return browser.follow(await browser.signInOnPage(email, password));
    },
  };
  return browser;
}
