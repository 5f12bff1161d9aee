// Command-line flags for KeyDesk's two command lines (`npm run server`, `npm run web`):
// node:util's parseArgs reads the syntax, then one checker per kind of value, so that a
// bad flag gets the same specific sentence from either, naming the flag and what it takes.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { DEMO_PASSWORD_ENV } from '../utility-process-protocol';

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const MIN_PASSWORD_LENGTH = 8;

type FlagValues<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>['values'];

/** Reads `argv` against `options`: unknown flags, missing values, repeats and stray words are refused. */
export function readFlags<T extends ParseArgsOptionsConfig>(argv: readonly string[], options: T): FlagValues<T> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw new CliUsageError(usageSentence(error));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new CliUsageError(`--${token.name} is given more than once.`);
    seen.add(token.name);
  }
  return parsed.values as FlagValues<T>;
}

/** Node's parse errors, said as one sentence of ours (its own run on over several lines). */
function usageSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Node quotes the flag as '--db', '--db <value>' or '-h, --help': keep the long name.
  const quoted = /'(?:-\w, )?([^' ]+)/.exec(message)?.[1] ?? '';
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${quoted}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument "${quoted}": options start with --.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(message)) return `${quoted} takes no value.`;
      // "--port -1": Node cannot tell a value that starts with a dash from a forgotten one.
      if (/ambiguous/.test(message)) return `${quoted} needs a value (one that starts with a dash is written ${quoted}=VALUE).`;
      return `${quoted} needs a value.`;
    default:
      return message.split('\n')[0] ?? 'These options are not valid.';
  }
}

/** A whole number within [min, max]. */
export function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new CliUsageError(`--${flag} must be a whole number, not "${value}".`);
  const number = Number(value);
  if (number < min || number > max) throw new CliUsageError(`--${flag} must be between ${min} and ${max}, not ${value}.`);
  return number;
}

/** A value that is not blank; `what` says what the flag expects. */
export function nonBlank(flag: string, value: string, what: string): string {
  if (value.trim() === '') throw new CliUsageError(`--${flag} needs ${what}.`);
  return value;
}

/** One of a few words. */
export function oneOf<const W extends string>(flag: string, value: string, words: readonly W[]): W {
  if (!(words as readonly string[]).includes(value)) {
    throw new CliUsageError(`--${flag} must be ${words.map((word) => `"${word}"`).join(' or ')}, not "${value}".`);
  }
  return value as W;
}

/**
 * The demo users' password: `--admin-password`, else KEYDESK_DEMO_PASSWORD, else none (the
 * server then generates one). Either way at least 8 characters.
 */
export function demoPassword(flagValue: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const [value, source] = flagValue !== undefined ? [flagValue, '--admin-password'] : [env[DEMO_PASSWORD_ENV], DEMO_PASSWORD_ENV];
  if (value === undefined || (value === '' && source === DEMO_PASSWORD_ENV)) return undefined;
  if (value.length < MIN_PASSWORD_LENGTH) throw new CliUsageError(`${source} must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  return value;
}

/**
 * A command line's start: its options, or null when there is nothing to run. `--help`
 * prints the usage; a bad flag prints the error and the usage, with exit code 2.
 */
export function optionsOrUsage<O>(parse: () => { help: true } | { help: false; options: O }, usage: string): O | null {
  let command;
  try {
    command = parse();
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${usage}`);
    process.exitCode = 2;
    return null;
  }
  if (command.help) {
    console.log(usage);
    return null;
  }
  return command.options;
}
