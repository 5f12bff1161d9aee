// `npm run audit:electron`: Doyensec's Electronegativity over KeyDesk's sources, failing on
// every finding that the checked-in allow-list does not explain.
//
// Electronegativity exits 0 whatever it finds, so its programmatic result is read instead.
// It scans src/ (TypeScript, so findings point at lines people edit; the built out/ holds the
// same code renamed by the bundler plus React and MUI, where its Electron checks mean nothing)
// and package.json's scripts (command-line switches such as --ignore-certificate-errors).
//
// Offline and deterministic: Electronegativity fetches translations from S3 at start, and one
// check (excluded in the allow-list, with its reason) downloads Electron's release list; the
// HTTP client it uses is replaced, for this process only, by one that answers "not found".
//
//   node scripts/audit-electron.mjs [--root DIR] [--input DIR] [--allow-list FILE] [--electron-version X.Y.Z]
// Exit codes: 0 nothing unexplained, 1 findings (or stale allow-list entries), 2 bad input.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

class UsageError extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
      input: { type: 'string', default: 'src' },
      'allow-list': { type: 'string', default: '.electronegativity-allowlist.json' },
      // Defaults to the installed electron package's version; its checks depend on it.
      'electron-version': { type: 'string' },
    },
    strict: true,
  });
  const root = resolve(values.root);
  const within = (path) => (isAbsolute(path) ? path : join(root, path));
  const electronVersion = values['electron-version'] ?? installedElectronVersion(root);
  if (electronVersion === undefined) throw new UsageError(`No Electron version: install the dependencies (${root}/node_modules/electron) or pass --electron-version.`);
  return { root, input: within(values.input), allowListPath: within(values['allow-list']), electronVersion };
}

const ENTRY_KEYS = new Set(['id', 'file', 'sample', 'reason']);
const EXCLUSION_KEYS = new Set(['check', 'reason']);

function requireReason(value, where) {
  if (typeof value !== 'string' || value.trim().length < 20) throw new UsageError(`${where}: "reason" must say why, in at least 20 characters.`);
}

/** Reads and checks the allow-list; any malformed entry is refused, naming it. */
export function readAllowList(path) {
  let data;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the allow-list ${path}: ${error.message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`${path}: expected an object with "excludedChecks" and "allowed".`);
  const unknown = Object.keys(data).filter((key) => !['$comment', 'excludedChecks', 'allowed'].includes(key));
  if (unknown.length > 0) throw new UsageError(`${path}: unknown key(s) ${unknown.join(', ')}.`);
  const excludedChecks = data.excludedChecks ?? [];
  const allowed = data.allowed ?? [];
  if (!Array.isArray(excludedChecks) || !Array.isArray(allowed)) throw new UsageError(`${path}: "excludedChecks" and "allowed" must be arrays.`);
  excludedChecks.forEach((entry, index) => {
    const where = `${path} excludedChecks[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new UsageError(`${where}: expected an object.`);
    const extra = Object.keys(entry).filter((key) => !EXCLUSION_KEYS.has(key));
    if (extra.length > 0) throw new UsageError(`${where}: unknown key(s) ${extra.join(', ')}.`);
    if (typeof entry.check !== 'string' || !/^[A-Za-z]+$/.test(entry.check)) throw new UsageError(`${where}: "check" must be a check's construct name, e.g. AvailableSecurityFixesGlobalCheck.`);
    requireReason(entry.reason, where);
  });
  allowed.forEach((entry, index) => {
    const where = `${path} allowed[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new UsageError(`${where}: expected an object.`);
    const extra = Object.keys(entry).filter((key) => !ENTRY_KEYS.has(key));
    if (extra.length > 0) throw new UsageError(`${where}: unknown key(s) ${extra.join(', ')}.`);
    if (typeof entry.id !== 'string' || !/^[A-Z0-9_]+$/.test(entry.id)) throw new UsageError(`${where}: "id" must be a finding id such as LIMIT_NAVIGATION_GLOBAL_CHECK.`);
    if (typeof entry.file !== 'string' || entry.file.length === 0) throw new UsageError(`${where}: "file" must be a project-relative path, or "N/A" for a global finding.`);
    if (entry.sample !== undefined && typeof entry.sample !== 'string') throw new UsageError(`${where}: "sample" must be the finding's source line.`);
    requireReason(entry.reason, where);
  });
  return { excludedChecks, allowed };
}

const toPosix = (path) => path.split(sep).join('/');

/** Splits findings into explained and unexplained, and reports allow-list entries that matched nothing. */
export function compareWithAllowList(findings, allowed) {
  const used = new Set();
  const unexplained = [];
  let explained = 0;
  for (const finding of findings) {
    const index = allowed.findIndex(
      (entry) => entry.id === finding.id && entry.file === finding.file && (entry.sample === undefined || entry.sample === finding.sample),
    );
    if (index === -1) unexplained.push(finding);
    else {
      used.add(index);
      explained += 1;
    }
  }
  const stale = allowed.filter((_, index) => !used.has(index));
  return { explained, unexplained, stale };
}

/** Routes Electronegativity's HTTP client to "404" so that a run never touches the network. */
function keepElectronegativityOffline() {
  const tool = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = tool.resolve('got');
  const notFound = async () => ({ statusCode: 404, body: '' });
  const offlineGot = Object.assign(notFound, { head: notFound, get: notFound });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, path: gotPath, loaded: true, exports: offlineGot, children: [], paths: [] };
  // Electronegativity picks its message language from LANG; English keeps the output stable.
  process.env.LANG = 'en-US';
}

function installedElectronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Inline `eng-disable` comments would bypass the allow-list and its reasons. */
function inlineDisables(input, root) {
  return readdirSync(input, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(m?[jt]sx?|html?)$/.test(entry.name))
    .flatMap((entry) => {
      const file = join(entry.parentPath, entry.name);
      return readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/eng-disable/.test(line) ? [`${toPosix(relative(root, file))}:${index + 1}`] : []));
    });
}

async function scan({ root, input, excludedChecks, electronVersion: electronVersionOverride }) {
  keepElectronegativityOffline();
  const run = require('@doyensec/electronegativity');
  const excludeFromScan = excludedChecks.map((entry) => entry.check.toLowerCase());
  const normalize = (base) => (issue) => ({
    id: issue.id,
    file: issue.file === 'N/A' ? 'N/A' : toPosix(relative(root, resolve(base, issue.file))),
    line: issue.location?.line ?? 0,
    sample: issue.sample === undefined ? undefined : String(issue.sample).trim(),
    severity: issue.severity?.name ?? '?',
    confidence: issue.confidence?.name ?? '?',
    description: issue.description ?? '',
    manualReview: Boolean(issue.manualReview),
  });
  const sources = await run({ input, isRelative: true, excludeFromScan, electronVersionOverride });
  const findings = sources.issues.map(normalize(input));
  const errors = sources.errors.filter((error) => !error.tolerable).map((error) => `${toPosix(relative(root, resolve(input, error.file)))}: ${error.message}`);
  const packageJson = join(root, 'package.json');
  if (existsSync(packageJson)) {
    const scripts = await run({
      input: packageJson,
      isRelative: true,
      customScan: ['customargumentsjsoncheck', 'securitywarningsdisabledjsoncheck'],
      electronVersionOverride,
    });
    findings.push(...scripts.issues.map(normalize(root)));
    errors.push(...scripts.errors.filter((error) => !error.tolerable).map((error) => `package.json: ${error.message}`));
  }
  return { findings, errors };
}

function describeFinding(finding) {
  const where = finding.file === 'N/A' ? '(whole app)' : `${finding.file}:${finding.line}`;
  const sample = finding.sample ? `\n      ${finding.sample}` : '';
  const review = finding.manualReview ? ', needs review' : '';
  return `  ${finding.id} [${finding.severity}/${finding.confidence}${review}] ${where}${sample}\n      ${finding.description.split('\n')[0]}\n      https://github.com/doyensec/electronegativity/wiki/${finding.id}`;
}

async function main() {
  const { root, input, allowListPath, electronVersion } = options();
  if (!existsSync(input)) throw new UsageError(`Nothing to audit: ${input} does not exist.`);
  const { excludedChecks, allowed } = readAllowList(allowListPath);
  const started = Date.now();
  const { findings, errors } = await scan({ root, input, excludedChecks, electronVersion });
  const { explained, unexplained, stale } = compareWithAllowList(findings, allowed);
  const disables = inlineDisables(input, root);
  const allowListName = toPosix(relative(root, allowListPath));

  console.log(`Electronegativity: ${findings.length} finding(s) in ${toPosix(relative(root, input)) || '.'} and package.json, ${explained} explained by ${allowListName} (${Date.now() - started} ms).`);
  for (const entry of excludedChecks) console.log(`  check not run: ${entry.check} (${entry.reason})`);
  let failed = false;
  if (errors.length > 0) {
    failed = true;
    console.error(`\n${errors.length} file(s) could not be parsed, so they were not audited:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  }
  if (unexplained.length > 0) {
    failed = true;
    console.error(`\n${unexplained.length} finding(s) not in ${allowListName}. Fix them, or, for a false positive only, add {id, file, sample, reason} there:\n${unexplained.map(describeFinding).join('\n')}`);
  }
  if (stale.length > 0) {
    failed = true;
    console.error(`\n${stale.length} entr(y/ies) of ${allowListName} matched no finding; remove them:\n${stale.map((entry) => `  ${JSON.stringify(entry)}`).join('\n')}`);
  }
  if (disables.length > 0) {
    failed = true;
    console.error(`\nInline "eng-disable" comments hide findings from the allow-list and its reasons; move them there:\n${disables.map((where) => `  ${where}`).join('\n')}`);
  }
  if (!failed) console.log('No unexplained finding.');
  return failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof UsageError ? error.message : `audit:electron failed: ${error?.stack ?? error}`);
      process.exit(2);
    },
  );
}
