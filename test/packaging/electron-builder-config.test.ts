// electron-builder.yml against electron-builder's own JSON schema (the one it validates with
// before building), so that a typo or a wrong type fails here rather than on a release machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const require = createRequire(import.meta.url);

type Config = Record<string, unknown>;

function loadConfig(): Config {
  // uniqueKeys: a duplicated key would silently override the first one.
  return parse(readFileSync(root('electron-builder.yml'), 'utf8'), { uniqueKeys: true, strict: true }) as Config;
}

const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
// Like electron-builder: draft-07, every error, unknown keywords of its schema (`typeof`)
// ignored. Unlike it, no type coercion: "true" where a boolean belongs is a mistake here.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function schemaErrors(config: Config): string[] {
  if (validate(config)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s JSON schema', () => {
    expect(schemaErrors(loadConfig())).toEqual([]);
  });

  // Its messages do not name the offending key (hence the ajv test above), but it also runs checks beyond the schema.
  // Loading app-builder-lib and compiling its schema takes a second or two, more on a busy machine.
  it('passes electron-builder’s own validation', { timeout: 30_000 }, async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: Config, debugLogger: { isEnabled: boolean }): Promise<void>;
    };
    await expect(validateConfiguration(loadConfig(), { isEnabled: false })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...loadConfig(), nsis: { perUser: true } }, { isEnabled: false })).rejects.toThrow(/configuration\.nsis/);
  });

  describe('the validation can fail', () => {
    it('on an unknown top-level key', () => {
      const errors = schemaErrors({ ...loadConfig(), autoUpdate: true });
      expect(errors.join('\n')).toMatch(/must NOT have additional properties.*"additionalProperty":"autoUpdate"/);
    });

    it('on an unknown nested key', () => {
      const config = loadConfig();
      const errors = schemaErrors({ ...config, nsis: { ...(config.nsis as Config), perUser: true } });
      expect(errors.join('\n')).toMatch(/\/nsis .*"additionalProperty":"perUser"/);
    });

    it('on a wrong type', () => {
      expect(schemaErrors({ ...loadConfig(), asar: 'yes' }).join('\n')).toMatch(/\/asar must be (boolean|object)/);
      const config = loadConfig();
      expect(schemaErrors({ ...config, nsis: { ...(config.nsis as Config), oneClick: 'false' } }).join('\n')).toMatch(/\/nsis\/oneClick must be boolean/);
    });
  });
});
