// The generic REST attacks: built from an endpoint (method and pattern, as the router lists
// it) and one valid request of it (rest-examples.ts), never written per endpoint.
import { generateApiKeySecret } from '../../src/server/auth/api-key-secret';
import type { Endpoint } from '../../src/server/http/router';
import type { ExampleRequest, Wire } from './rest-examples';
import type { RawRequest } from './support/http';
import { ATTACK_KINDS, fieldVariants, QUERY_VALUE_MUTATIONS, wholeBodyVariants, type BodyVariant } from './support/mutations';
import { TRAINING_ORG, type Principals } from './support/organization-under-attack';

export interface RestAttack {
  readonly kind: string;
  readonly label: string;
  /** The request, from the endpoint's current valid request. */
  build(base: ExampleRequest, principals: Principals): RawRequest;
  /** When set, the answer must be one of these statuses (a refusal the attack must meet). */
  readonly expect?: readonly number[];
}

export const KINDS = {
  methods: 'wrong methods',
  ids: 'malformed, unknown and foreign ids',
  paths: 'odd paths',
  query: 'query values',
  repeated: 'unknown, missing and repeated fields',
  contentTypes: 'wrong content types',
  credentials: 'missing, foreign and expired credentials',
  principals: 'Viewer, Editor and API-key principals',
  host: 'foreign Host header',
  ignoredBodies: 'bodies sent where none is read',
} as const;

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

/** The request on the wire: `params` filled into the pattern, query and credentials added. */
export function toRaw(
  endpoint: Endpoint,
  base: ExampleRequest,
  principals: Principals,
  change: { method?: string; rawParams?: Record<string, string>; query?: string; body?: string | Buffer; headers?: Record<string, string>; credentials?: Record<string, string> } = {},
): RawRequest {
  const path = endpoint.pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1);
      return change.rawParams?.[name] ?? encodeURIComponent(base.params?.[name] ?? '');
    })
    .join('/');
  const query = change.query ?? new URLSearchParams(base.query ?? {}).toString();
  const credentials = change.credentials ?? credentialHeaders(base, principals);
  const headers: Record<string, string> = { ...credentials, ...base.headers };
  let body: string | Buffer | undefined = change.body;
  if (body === undefined && base.body !== undefined) body = JSON.stringify(base.body);
  if (body === undefined && base.form !== undefined) body = new URLSearchParams(base.form).toString();
  if (body !== undefined) headers['Content-Type'] = base.form === undefined ? 'application/json' : 'application/x-www-form-urlencoded';
  return { method: change.method ?? endpoint.method, path: query ? `${path}?${query}` : path, headers: { ...headers, ...change.headers }, body };
}

function credentialHeaders(base: ExampleRequest, principals: Principals): Record<string, string> {
  const credentials = base.credentials ?? { token: principals.admin };
  const headers: Record<string, string> = {};
  if (credentials.token !== undefined) headers.Authorization = `Bearer ${credentials.token}`;
  if (credentials.apiKey !== undefined) headers['Api-Key'] = credentials.apiKey;
  return headers;
}

/** Every generic attack on one endpoint. `example` is a first valid request, read for its shape. */
export function restAttacks(
  endpoint: Endpoint,
  example: ExampleRequest,
  methodsOfPattern: readonly string[],
  needsCredentials: boolean,
  wire: Wire,
  attackFields?: readonly string[],
): RestAttack[] {
  const attacks: RestAttack[] = [];
  // The REST API refuses unknown and repeated parameters (400); OAuth "MUST ignore
  // unrecognized request parameters" (RFC 6749 §3.1) and refuses its own way (a page, a
  // redirect with error=…). There, only the verdicts every answer gets apply.
  const refusal = (statuses: readonly number[]): readonly number[] | undefined => (wire === 'rest' ? statuses : undefined);
  // An endpoint that reads no body ignores one: counted apart, so that the figures do not
  // show malformed JSON "accepted".
  const bodyAttack = (variant: BodyVariant): RestAttack => ({
    kind: example.body === undefined ? KINDS.ignoredBodies : variant.kind,
    label: `body: ${variant.label}`,
    build: (base, principals) => toRaw(endpoint, base, principals, { body: variant.raw(base.body) }),
  });

  const attacked = (path: readonly (string | number)[] = []): boolean => attackFields === undefined || attackFields.includes(String(path[0]));
  if (example.body !== undefined) attacks.push(...fieldVariants(example.body).filter((variant) => attacked(variant.path)).map(bodyAttack));
  if (example.form !== undefined) attacks.push(...formVariants(endpoint, example.form, attackFields));
  attacks.push(...wholeBodyVariants().map(bodyAttack));
  if (example.body !== undefined || example.form !== undefined) {
    const wrongTypes = ['text/plain', example.form === undefined ? 'application/x-www-form-urlencoded' : 'application/json', 'multipart/form-data; boundary=x', 'application/jsonx', ''];
    for (const type of wrongTypes) {
      attacks.push({
        kind: KINDS.contentTypes,
        label: `Content-Type "${type}"`,
        build: (base, principals) => toRaw(endpoint, base, principals, { headers: { 'Content-Type': type } }),
        expect: [400, 401, 403, 415],
      });
    }
  }

  for (const name of Object.keys(example.query ?? {})) {
    for (const each of QUERY_VALUE_MUTATIONS) {
      attacks.push({
        kind: each.kind,
        label: `query ${name} = ${each.label}`,
        build: (base, principals) => toRaw(endpoint, base, principals, { query: queryWith(base, name, String(each.value)) }),
      });
    }
    attacks.push({
      kind: KINDS.repeated,
      label: `query ${name} given twice`,
      build: (base, principals) => toRaw(endpoint, base, principals, { query: `${queryWith(base)}&${percentEncode(name)}=${percentEncode(base.query?.[name] ?? '')}` }),
      expect: refusal([400, 401, 403]),
    });
  }
  const oddQueries: [string, (base: ExampleRequest) => string, readonly number[] | undefined][] = [
    ['an unknown parameter', (base) => `${queryWith(base)}&unexpected=1`, [400, 401, 403]],
    ['300 unknown parameters', (base) => `${queryWith(base)}&${Array.from({ length: 300 }, (_, i) => `p${i}=${i}`).join('&')}`, [400, 401, 403]],
    ['__proto__ and constructor', (base) => `${queryWith(base)}&__proto__=1&constructor=x`, [400, 401, 403]],
    ['a NUL name', (base) => `${queryWith(base)}&%00=1`, [400, 401, 403]],
    ['an empty name', (base) => `${queryWith(base)}&=x`, [400, 401, 403]],
    ['bracketed name', (base) => `${queryWith(base)}&a[b]=1`, [400, 401, 403]],
    ['a broken escape', (base) => `${queryWith(base)}&x=%E0%A4%A`, [400, 401, 403]],
    ['a lone ampersand and equals', (base) => `${queryWith(base)}&&=&`, undefined],
  ];
  for (const [label, query, expect] of oddQueries) {
    attacks.push({ kind: KINDS.repeated, label: `query: ${label}`, build: (base, principals) => toRaw(endpoint, base, principals, { query: query(base) }), expect: expect && refusal(expect) });
  }

  for (const name of paramNames(endpoint.pattern)) {
    const values: [string, (base: ExampleRequest) => string][] = [
      ['not a UUID', () => 'not-a-uuid'],
      ['an unknown UUID', () => '00000000-0000-4000-8000-000000000000'],
      ['upper case', (base) => (base.params?.[name] ?? '').toUpperCase()],
      ['another organization’s', () => TRAINING_ORG],
      ['a NUL', () => '%00'],
      ['dot dot', () => '..'],
      ['an encoded slash', (base) => `${base.params?.[name] ?? ''}%2F..`],
      ['2,000 characters', () => 'a'.repeat(2000)],
      ['a broken escape', () => '%E0%A4%A'],
      ['SQL', () => encodeURIComponent("' OR 1=1 --")],
      ['unicode', () => encodeURIComponent('𝔘\u202e\u0000')],
    ];
    for (const [label, value] of values) {
      attacks.push({
        kind: KINDS.ids,
        label: `:${name} ${label}`,
        build: (base, principals) => toRaw(endpoint, base, principals, { rawParams: { [name]: value(base) } }),
        expect: [400, 401, 403, 404],
      });
    }
  }
  for (const [label, edit] of [
    ['trailing slash', (path: string) => `${path}/`],
    ['doubled slashes', (path: string) => path.replaceAll('/', '//')],
    ['upper-case segments', (path: string) => path.toUpperCase()],
    ['dot segments', (path: string) => `${path}/../${path.split('/').at(-1) ?? ''}`],
    ['encoded letters', (path: string) => path.replace('api', '%61pi')],
  ] as const) {
    attacks.push({
      kind: KINDS.paths,
      label: `path with ${label}`,
      build: (base, principals) => {
        const raw = toRaw(endpoint, base, principals);
        const [path = '', query] = raw.path.split('?');
        return { ...raw, path: query === undefined ? edit(path) : `${edit(path)}?${query}` };
      },
    });
  }

  for (const method of ALL_METHODS.filter((each) => !methodsOfPattern.includes(each))) {
    attacks.push({ kind: KINDS.methods, label: method, build: (base, principals) => toRaw(endpoint, base, principals, { method }), expect: [405] });
  }

  attacks.push({
    kind: KINDS.host,
    label: 'Host: evil.example (DNS rebinding)',
    build: (base, principals) => toRaw(endpoint, base, principals, { headers: { Host: 'evil.example' } }),
    expect: [421],
  });

  if (needsCredentials) {
    for (const [label, credentials, query] of credentialAttacks()) {
      attacks.push({
        kind: KINDS.credentials,
        label,
        build: (base, principals) => toRaw(endpoint, base, principals, { credentials: credentials(principals), ...(query ? { query: `${queryWith(base)}&${query}` } : {}) }),
        expect: [400, 401, 403],
      });
    }
  }
  return attacks;
}

/** Each field of a form body replaced by each hostile value (as text), removed, repeated; odd encodings. */
function formVariants(endpoint: Endpoint, form: Record<string, string>, attackFields: readonly string[] | undefined): RestAttack[] {
  const attacks: RestAttack[] = [];
  const encoded = (fields: [string, string][]): string => fields.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
  const withBody = (kind: string, label: string, body: (current: Record<string, string>) => string): RestAttack => ({
    kind,
    label: `form: ${label}`,
    build: (base, principals) => toRaw(endpoint, base, principals, { body: body(base.form ?? {}) }),
  });
  for (const name of Object.keys(form).filter((each) => attackFields === undefined || attackFields.includes(each))) {
    for (const each of QUERY_VALUE_MUTATIONS) {
      attacks.push(withBody(each.kind, `${name} = ${each.label}`, (current) => encoded(Object.entries({ ...current, [name]: String(each.value) }))));
    }
    attacks.push(withBody(KINDS.repeated, `${name} missing`, (current) => encoded(Object.entries(current).filter(([each]) => each !== name))));
    attacks.push(withBody(KINDS.repeated, `${name} given twice`, (current) => `${encoded(Object.entries(current))}&${percentEncode(name)}=x`));
  }
  attacks.push(
    withBody(KINDS.repeated, 'an unknown field', (current) => `${encoded(Object.entries(current))}&unexpected=1`),
    withBody(ATTACK_KINDS.malformed, 'a broken escape', (current) => `${encoded(Object.entries(current))}&x=%E0%A4%A&%ZZ`),
    withBody(ATTACK_KINDS.malformed, 'only separators', () => '&&==&'),
    withBody(ATTACK_KINDS.malformed, 'JSON instead of a form', (current) => JSON.stringify(current)),
    withBody(ATTACK_KINDS.oversize, '70 KB of form', (current) => `${encoded(Object.entries(current))}&padding=${'y'.repeat(70_000)}`),
  );
  return attacks;
}

type CredentialAttack = [label: string, headers: (principals: Principals) => Record<string, string>, query?: string];

function credentialAttacks(): CredentialAttack[] {
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  return [
    ['no credentials', () => ({})],
    ['"Bearer" alone', () => ({ Authorization: 'Bearer' })],
    ['a Bearer that is no JWT', () => bearer('not.a.jwt')],
    ['Basic credentials', () => ({ Authorization: `Basic ${Buffer.from('admin@demo.local:password').toString('base64')}` })],
    ['a token with "alg": "none"', (p) => bearer(withHeader(p.admin, { alg: 'none', typ: 'JWT' }))],
    ['a token whose claims were edited', (p) => bearer(withClaims(p.viewer, { roles: ['ORG_ADMIN', 'ORG_EDITOR', 'ORG_VIEWER'] }))],
    ['an expired token', (p) => bearer(p.expiredToken)],
    ['a token of another server', (p) => bearer(p.foreignToken)],
    ['a refresh token as a bearer', (p) => bearer(p.refreshToken)],
    ['an empty Api-Key', () => ({ 'Api-Key': '' })],
    ['a malformed Api-Key', () => ({ 'Api-Key': 'jmk_not-a-key' })],
    ['a well-formed unknown Api-Key', () => ({ 'Api-Key': generateApiKeySecret() })],
    ['an expired Api-Key', (p) => ({ 'Api-Key': p.expiredKey })],
    ['a deleted Api-Key', (p) => ({ 'Api-Key': p.deletedKey })],
    ['an unknown ?apiKey=', () => ({}), `apiKey=${generateApiKeySecret()}`],
    ['a token and an Api-Key together', (p) => ({ ...bearer(p.admin), 'Api-Key': p.editorKey })],
    ['a token and an ?apiKey= together', (p) => bearer(p.admin), 'apiKey=x'],
  ];
}

function withHeader(token: string, header: object): string {
  const [, payload, signature] = token.split('.');
  return `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${payload ?? ''}.${signature ?? ''}`;
}

function withClaims(token: string, change: object): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as object;
  return `${header ?? ''}.${Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')}.${signature ?? ''}`;
}

/** The base query, with `name` set to `value` when given (values encoded as on the wire). */
function queryWith(base: ExampleRequest, name?: string, value?: string): string {
  const entries = Object.entries(base.query ?? {});
  if (name !== undefined) {
    const index = entries.findIndex(([each]) => each === name);
    entries[index] = [name, value ?? ''];
  }
  return entries.map(([key, each]) => `${percentEncode(key)}=${percentEncode(each)}`).join('&');
}

/** encodeURIComponent, except that a lone surrogate goes as UTF-8's replacement character instead of throwing. */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

export function paramNames(pattern: string): string[] {
  return pattern
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}
