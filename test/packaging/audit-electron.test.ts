// scripts/audit-electron.mjs against a small, deliberately insecure Electron app: the real
// Electronegativity runs; only the allow-list changes between cases.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/audit-electron.mjs', import.meta.url));
const created: string[] = [];

const INSECURE_MAIN = [
  "const { app, BrowserWindow } = require('electron');",
  'app.whenReady().then(() => {',
  '  const win = new BrowserWindow({ webPreferences: { contextIsolation: false } });',
  "  win.loadURL('https://example.test/');",
  '});',
  '',
].join('\n');

const REASON = 'Deliberately insecure fixture: this entry exists to test the allow-list.';
const OFFLINE = { check: 'AvailableSecurityFixesGlobalCheck', reason: 'Needs the network, which this test does not use.' };
const ALL_FINDINGS = [
  { id: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: REASON },
  { id: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', reason: REASON },
  { id: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', file: 'N/A', reason: REASON },
  { id: 'AUXCLICK_JS_CHECK', file: 'src/main.js', reason: REASON },
  { id: 'SANDBOX_JS_CHECK', file: 'src/main.js', reason: REASON },
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'src/main.js',
    sample: "const win = new BrowserWindow({ webPreferences: { contextIsolation: false } });",
    reason: REASON,
  },
  { id: 'CUSTOM_ARGUMENTS_JSON_CHECK', file: 'package.json', reason: REASON },
];

function fixture(allowList: unknown, main = INSECURE_MAIN): string {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-audit-'));
  created.push(dir);
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/main.js'), main);
  // Multi-line: Electronegativity's line finder takes a one-line text containing a dot for a file name.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', scripts: { start: 'electron . --ignore-certificate-errors' } }, null, 2));
  writeFileSync(join(dir, 'allow.json'), JSON.stringify(allowList));
  return dir;
}

function audit(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--root', dir, '--allow-list', 'allow.json', '--electron-version', '45.0.0'], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

// Each case starts Electronegativity (about 2 s of CPU), one at a time so as not to starve
// the test files running beside this one; the timeout only guards against a hang.
describe('npm run audit:electron', { timeout: 60_000 }, () => {
  it('fails on findings that the allow-list does not explain, naming each', async () => {
    const { code, output } = await audit(fixture({ excludedChecks: [OFFLINE], allowed: [] }));
    expect(code).toBe(1);
    expect(output).toContain('CONTEXT_ISOLATION_JS_CHECK [HIGH/FIRM] src/main.js:3');
    expect(output).toContain('CUSTOM_ARGUMENTS_JSON_CHECK');
    expect(output).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
  });

  it('passes when every finding is explained', async () => {
    const { code, output } = await audit(fixture({ excludedChecks: [OFFLINE], allowed: ALL_FINDINGS }));
    expect(output).toContain('No unexplained finding.');
    expect(code).toBe(0);
  });

  it('matches the source line when the entry gives one', async () => {
    const moved = INSECURE_MAIN.replace('contextIsolation: false }', 'contextIsolation: false, sandbox: false }');
    const { code, output } = await audit(fixture({ excludedChecks: [OFFLINE], allowed: ALL_FINDINGS }, moved));
    expect(code).toBe(1);
    expect(output).toMatch(/CONTEXT_ISOLATION_JS_CHECK[^\n]*src\/main\.js:3/);
  });

  it('fails on an allow-list entry that matches nothing', async () => {
    const stale = { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/gone.js', reason: REASON };
    const { code, output } = await audit(fixture({ excludedChecks: [OFFLINE], allowed: [...ALL_FINDINGS, stale] }));
    expect(code).toBe(1);
    expect(output).toContain('matched no finding');
    expect(output).toContain('src/gone.js');
  });

  it('refuses an entry without a real reason, naming it', async () => {
    const { code, output } = await audit(fixture({ excludedChecks: [OFFLINE], allowed: [{ id: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'ok' }] }));
    expect(code).toBe(2);
    expect(output).toContain('allowed[0]: "reason" must say why');
  });

  it('refuses inline eng-disable comments, which would bypass the allow-list', async () => {
    const hidden = INSECURE_MAIN.replace('contextIsolation: false } });', 'contextIsolation: false } }); // eng-disable CONTEXT_ISOLATION_JS_CHECK');
    const withoutIt = ALL_FINDINGS.filter((entry) => entry.id !== 'CONTEXT_ISOLATION_JS_CHECK');
    const { code, output } = await audit(fixture({ excludedChecks: [OFFLINE], allowed: withoutIt }, hidden));
    expect(code).toBe(1);
    expect(output).toContain('Inline "eng-disable" comments');
    expect(output).toContain('src/main.js:3');
  });
});
