// The hostile values, shared by the REST and the bridge attacks. Each example request of the
// tables is taken apart into its fields, and every field gets every value below in turn;
// whole bodies get the malformed ones. A new endpoint or method is attacked with all of
// them without anyone writing a line for it.

export type Path = readonly (string | number)[];

export interface Mutation {
  readonly kind: string;
  readonly label: string;
  readonly value: unknown;
}

const KIND = {
  types: 'wrong types',
  control: 'control characters and NUL',
  unicode: 'overlong and odd Unicode',
  syntax: 'FTS and SQL-looking text',
  numbers: 'out-of-range numbers',
  dates: 'out-of-range dates',
  fields: 'unknown, missing and repeated fields',
  malformed: 'malformed JSON',
  oversize: 'oversize bodies',
} as const;
export const ATTACK_KINDS = KIND;

const mutation = (kind: string, label: string, value: unknown): Mutation => ({ kind, label, value });

/** Values that stand in for any one field. */
export const VALUE_MUTATIONS: readonly Mutation[] = [
  mutation(KIND.types, 'null', null),
  mutation(KIND.types, 'true', true),
  mutation(KIND.types, 'empty string', ''),
  mutation(KIND.types, 'blank string', '   '),
  mutation(KIND.types, 'empty array', []),
  mutation(KIND.types, 'array of a string', ['x']),
  mutation(KIND.types, 'empty object', {}),
  mutation(KIND.types, 'object', { $gt: '' }),
  mutation(KIND.numbers, 'zero', 0),
  mutation(KIND.numbers, 'minus one', -1),
  mutation(KIND.numbers, 'a fraction', 0.5),
  mutation(KIND.numbers, '2^31', 2 ** 31),
  mutation(KIND.numbers, 'beyond 2^53', 2 ** 53 + 2),
  mutation(KIND.numbers, '1e308', 1e308),
  mutation(KIND.numbers, '-1e308', -1e308),
  mutation(KIND.dates, 'year 9999 at UTC−14 (issue 9)', '9999-12-31T23:59:59-14:00'),
  mutation(KIND.dates, 'an extended year', '+275760-09-13T00:00:00Z'),
  mutation(KIND.dates, 'year zero', '0000-01-01'),
  mutation(KIND.dates, '30 February', '2027-02-30'),
  mutation(KIND.dates, 'a date without a day', '2027-06'),
  mutation(KIND.dates, 'epoch milliseconds', '1893456000000'),
  mutation(KIND.control, 'NUL inside', 'ab\u0000cd'),
  mutation(KIND.control, 'NUL alone', '\u0000'),
  mutation(KIND.control, 'bell and escape', '\u0007\u001b[2J\u001b[31mred'),
  mutation(KIND.control, 'line break injection', 'line\r\nX-Injected: 1'),
  mutation(KIND.control, 'tab', 'a\tb'),
  mutation(KIND.control, 'C1 control', 'a\u0085b\u009bc'),
  mutation(KIND.unicode, '10,000 characters', 'x'.repeat(10_000)),
  mutation(KIND.unicode, '3,000 accented characters', 'é'.repeat(3000)),
  mutation(KIND.unicode, 'lone surrogate', 'a\ud800b'),
  mutation(KIND.unicode, 'right-to-left override', 'abc\u202etxt.exe'),
  mutation(KIND.unicode, 'zero-width and BOM', '\u200b\ufeffkey\u200d'),
  mutation(KIND.unicode, 'combining marks', 'e\u0301\u0301\u0301\u0301\u0301'),
  mutation(KIND.unicode, 'astral characters', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🔑🗝️'),
  mutation(KIND.unicode, 'non-characters', '\uffff\ufffe\ufdd0'),
  mutation(KIND.unicode, 'private use', '\ue000\uf8ff'),
  mutation(KIND.syntax, 'SQL tautology', "' OR 1=1 --"),
  mutation(KIND.syntax, 'SQL statement', "x'); DROP TABLE api_keys; --"),
  mutation(KIND.syntax, 'double quote', 'a"b'),
  mutation(KIND.syntax, 'FTS operators', 'NEAR(a b) OR c* AND ^d'),
  mutation(KIND.syntax, 'FTS column filter', 'title:x - {id}:y'),
  mutation(KIND.syntax, 'LIKE wildcards', '%_%\\'),
  mutation(KIND.syntax, 'path traversal', '../../../../etc/passwd'),
  mutation(KIND.syntax, 'markup', '<script>alert(1)</script>'),
  mutation(KIND.syntax, 'template', '${7*7}{{7*7}}'),
  mutation(KIND.syntax, 'prototype name', '__proto__'),
  mutation(KIND.syntax, 'unknown UUID', '00000000-0000-4000-8000-000000000000'),
];

/** Stand-ins for a query-string value (query values are text). */
export const QUERY_VALUE_MUTATIONS: readonly Mutation[] = [
  ...VALUE_MUTATIONS.filter((each) => typeof each.value === 'string'),
  mutation(KIND.numbers, 'minus one', '-1'),
  mutation(KIND.numbers, 'exponent', '1e3'),
  mutation(KIND.numbers, 'eleven digits', '99999999999'),
  mutation(KIND.numbers, 'hexadecimal', '0x10'),
  mutation(KIND.numbers, 'padded', ' 1'),
  mutation(KIND.numbers, 'fraction', '1.5'),
  mutation(KIND.numbers, 'NaN', 'NaN'),
  mutation(KIND.numbers, 'Infinity', 'Infinity'),
];

/**
 * Every path to a value inside `value` (objects are walked, and of an array its first item,
 * whose siblings have the same shape; the root is []).
 */
export function fieldPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.slice(0, 1).flatMap((item, index) => [[...path, index], ...childPaths(item, [...path, index])]);
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => [[...path, key], ...childPaths(item, [...path, key])]);
  return [];
}

function childPaths(value: unknown, path: Path): Path[] {
  return Array.isArray(value) || isObject(value) ? fieldPaths(value, path) : [];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy of `value` with the field at `path` replaced (or removed, with `remove`). */
export function withField(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (remove && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = withField(copy[Number(head)], rest, replacement, remove);
    return copy;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (remove && rest.length === 0) return Object.fromEntries(entries.filter(([name]) => name !== String(head)));
  return Object.fromEntries([...entries.filter(([name]) => name !== String(head)), [String(head), withField((value as Record<string, unknown>)[String(head)], rest, replacement, remove)]]);
}

export const pathLabel = (path: Path): string => (path.length === 0 ? '(the whole value)' : path.join('.'));

export interface BodyVariant {
  readonly kind: string;
  readonly label: string;
  /** The field it attacks, for a field variant. */
  readonly path?: Path;
  /**
   * The body, sent as is (a string or bytes that may not be JSON at all), from the current
   * valid value: its single-use parts (a token, an Idempotency-Key) are fresh each time.
   */
  raw(current: unknown): string | Buffer;
}

/** Each field of `example` replaced by each hostile value, or removed. */
export function fieldVariants(example: unknown): BodyVariant[] {
  const variants: BodyVariant[] = [];
  for (const path of fieldPaths(example)) {
    for (const each of VALUE_MUTATIONS) {
      variants.push({ kind: each.kind, label: `${pathLabel(path)} = ${each.label}`, path, raw: (current) => JSON.stringify(withField(current, path, each.value)) });
    }
    variants.push({ kind: KIND.fields, label: `${pathLabel(path)} missing`, path, raw: (current) => JSON.stringify(withField(current, path, undefined, true)) });
  }
  return variants;
}

const json = (value: unknown): string => JSON.stringify(value ?? {});
/** The value's JSON object with `extra` members first (an object of `extra` alone for anything else). */
function objectWith(value: unknown, extra: string): string {
  const text = json(value);
  const inner = text.startsWith('{') && text.length > 2 ? text.slice(1, -1) : '';
  return `{${extra}${inner ? `,${inner}` : ''}}`;
}

/** Whole bodies that are not what any endpoint reads: not JSON, odd JSON, too big. */
export function wholeBodyVariants(): BodyVariant[] {
  const malformed = (label: string, raw: (current: unknown) => string | Buffer): BodyVariant => ({ kind: KIND.malformed, label, raw });
  const types = (label: string, value: (current: unknown) => unknown): BodyVariant => ({ kind: KIND.types, label, raw: (current) => JSON.stringify(value(current)) });
  const fields = (label: string, raw: (current: unknown) => string): BodyVariant => ({ kind: KIND.fields, label, raw });
  return [
    malformed('truncated', (current) => json(current).slice(0, Math.max(1, json(current).length - 1))),
    malformed('open brace', () => '{'),
    malformed('dangling key', () => '{"a":'),
    malformed('trailing comma', () => '[1,]'),
    malformed('single quotes', () => "{'a': 1}"),
    malformed('NaN', () => 'NaN'),
    malformed('bare word', () => 'nul'),
    malformed('number beyond double', () => '1e999999'),
    malformed('byte order mark', (current) => `\ufeff${json(current)}`),
    malformed('NUL byte after JSON', (current) => `${json(current)}\u0000`),
    malformed('two documents', (current) => `${json(current)}${json(current)}`),
    malformed('invalid UTF-8', () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    malformed('UTF-16', (current) => Buffer.from(json(current), 'utf16le')),
    malformed('nested 30,000 deep', () => `${'['.repeat(30_000)}${']'.repeat(30_000)}`),
    types('null', () => null),
    types('a number', () => 42),
    types('a string', () => 'text'),
    types('true', () => true),
    types('an array', () => []),
    types('the valid value in an array', (current) => [current]),
    fields('an unknown field', (current) => objectWith(current, '"unexpected":"x"')),
    fields('200 unknown fields', (current) => objectWith(current, Array.from({ length: 200 }, (_, i) => `"f${i}":${i}`).join(','))),
    fields('__proto__ pollution', (current) => objectWith(current, '"__proto__":{"role":"ORG_ADMIN","isAdmin":true},"constructor":{"prototype":{"polluted":true}}')),
    fields('every field repeated with another type', repeatFields),
    { kind: KIND.oversize, label: '70 KB body', raw: (current) => objectWith(current, `"padding":"${'y'.repeat(70_000)}"`) },
    { kind: KIND.oversize, label: '1 MB body', raw: () => `"${'z'.repeat(1_000_000)}"` },
  ];
}

/** `{"a":1,"a":"x"}`: JSON.parse keeps the last; a validator must still see a wrong type. */
function repeatFields(example: unknown): string {
  if (!isObject(example) || Object.keys(example).length === 0) return '{"a":1,"a":"x"}';
  const parts = Object.entries(example).flatMap(([key, value]) => [`${JSON.stringify(key)}:${JSON.stringify(value)}`, `${JSON.stringify(key)}:[[]]`]);
  return `{${parts.join(',')}}`;
}
