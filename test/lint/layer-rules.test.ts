// The layer rules of eslint.config.js, shown on imports written into each layer: every
// forbidden one fails `npm run lint` with its reason, every allowed one passes. The files
// are not written to disk: ESLint lints the text as if it lived at that path, and resolves
// its imports against the real tree.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

const importing = (specifier: string): string => `import * as imported from '${specifier}';\nexport const used = imported;\n`;

describe('layer rules', () => {
  it.each([
    ['src/shared/fixture.ts', '../server/start-server', 'src/shared imports nothing of ours'],
    ['src/shared/fixture.ts', '../services/logger', 'src/shared imports nothing of ours'],
    ['src/shared/fixture.ts', './node/cli-flags', 'src/shared/node needs Node'],
    ['src/server/routes/fixture.ts', '../../services/logger', 'The server uses src/shared only'],
    ['src/server/fixture.ts', '../web/start-web-preview', 'The server uses src/shared only'],
    ['src/services/api-keys/fixture.ts', '../../server/start-server', 'Services use src/shared only'],
    ['src/services/fixture.ts', '../main/log-file', 'Services use src/shared only'],
    ['src/web/fixture.ts', '../server/http/router', 'of the server only its entry point'],
    ['src/web/fixture.ts', '../main/log-file', 'The web preview uses services'],
    ['src/main/fixture.ts', '../server/cli-options', 'never by import'],
    ['src/main/fixture.ts', '../web/start-web-preview', 'Main uses services and src/shared'],
    ['src/preload/fixture.ts', '../services/logger', 'The preload uses src/shared only'],
    ['src/preload/fixture.ts', '../shared/node/cli-flags', 'src/shared/node needs Node'],
    ['src/renderer/src/lib/fixture.ts', '@shared/node/cli-flags', 'src/shared/node needs Node'],
    ['src/renderer/src/lib/fixture.ts', '../../../services/logger', 'The renderer uses src/shared only'],
  ])('%s may not import %s', async (filePath, specifier, reason) => {
    expect((await problems(filePath, importing(specifier))).join('\n')).toContain(reason);
  });

  it.each([
    ['src/shared/fixture.ts', './rest-routes'],
    ['src/shared/node/fixture.ts', '../utility-process-protocol'],
    ['src/server/routes/fixture.ts', '../../shared/node/cli-flags'],
    ['src/services/fixture.ts', '../shared/api-key-list-query'],
    ['src/web/fixture.ts', '../server/start-server'],
    ['src/web/fixture.ts', '../services/logger'],
    ['src/main/fixture.ts', '../services/logger'],
    ['src/main/fixture.ts', '../shared/utility-process-protocol'],
    ['src/preload/fixture.ts', '../shared/ipc-contract'],
    ['src/renderer/src/lib/fixture.ts', '@shared/ipc-contract'],
  ])('%s may import %s', async (filePath, specifier) => {
    expect(await problems(filePath, importing(specifier))).toEqual([]);
  });

  it('keeps Node modules out of what a page can load', async () => {
    for (const filePath of ['src/shared/fixture.ts', 'src/renderer/src/lib/fixture.ts', 'src/preload/fixture.ts']) {
      expect((await problems(filePath, importing('node:fs'))).join('\n')).toContain('import-x/no-nodejs-modules');
    }
    expect(await problems('src/shared/node/fixture.ts', importing('node:fs'))).toEqual([]);
  });

  it('keeps SQL in src/server/store', async () => {
    const type = 'type Db = { prepare(sql: string): unknown; exec(sql: string): void };\n';
    for (const code of [
      `${type}export const run = (db: Db) => db.prepare('SELECT 1');\n`,
      `${type}export const run = (ctx: { db: Db }) => ctx.db.exec('DELETE FROM users');\n`,
    ]) {
      expect((await problems('src/server/routes/fixture.ts', code)).join('\n')).toContain('SQL belongs in src/server/store/');
      expect((await problems('src/server/auth/fixture.ts', code)).join('\n')).toContain('SQL belongs in src/server/store/');
      expect(await problems('src/server/store/fixture.ts', code)).toEqual([]);
    }
  });
});
