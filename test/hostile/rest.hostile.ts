// Every endpoint the local organization server routes, attacked: the endpoints come from its
// router (server.endpoints), the valid requests from rest-examples.ts, the attacks from
// rest-attacks.ts. Each answer must be no 5xx, on time, a proper refusal or an acceptance;
// a refusal must leave the stored data as it was; who may call what is checked for every
// principal an attacker might hold.
import { afterAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/server/http/router';
import { KINDS, restAttacks, toRaw } from './rest-attacks';
import { REST_EXAMPLES, type Access, type ExampleRequest, type RestExample } from './rest-examples';
import { Tally } from './support/figures';
import { send, type RawAnswer } from './support/http';
import { exchangeBytes } from './support/raw-socket';
import { DEMO_PASSWORD, startOrganizationUnderAttack, type Principals } from './support/organization-under-attack';
import { judgeRestAnswer } from './support/verdicts';

const org = await startOrganizationUnderAttack();
const tally = new Tally();
afterAll(async () => {
  tally.write('rest');
  await org.close();
});

const endpointKey = (endpoint: Endpoint): string => `${endpoint.method} ${endpoint.pattern}`;
const secrets = [DEMO_PASSWORD, ...Object.values(org.principals)];

/** The principals who may call an endpoint of each access; everyone else gets 401 or 403. */
const ALLOWED: Record<Access, readonly (keyof Principals)[] | 'all'> = {
  anyone: 'all',
  'signed-in user': ['admin', 'editor', 'viewer', 'otherOrganizationAdmin', 'unscopedAdmin'],
  administrator: ['admin'],
  member: ['admin', 'editor', 'viewer', 'editorKey', 'viewerKey'],
  editor: ['admin', 'editor', 'editorKey'],
  'owner or administrator': ['admin'],
};

const PRINCIPALS: readonly (keyof Principals)[] = [
  'admin', 'editor', 'viewer', 'editorKey', 'viewerKey', 'otherOrganizationAdmin', 'otherOrganizationKey', 'unscopedAdmin',
];

describe('the table of valid requests', () => {
  it('has an example for every endpoint the router serves, and none for an endpoint it does not serve', () => {
    const served = org.server.endpoints.map(endpointKey);
    const missing = served.filter((key) => !(key in REST_EXAMPLES));
    const stale = Object.keys(REST_EXAMPLES).filter((key) => !served.includes(key));
    expect(missing, 'New endpoints without an example: add one to test/hostile/rest-examples.ts (see test/hostile/README.md).').toEqual([]);
    expect(stale, 'Examples for endpoints the router no longer serves: remove or rename them in test/hostile/rest-examples.ts.').toEqual([]);
  });
});

describe('every REST endpoint under attack', () => {
  for (const endpoint of org.server.endpoints) {
    const example = REST_EXAMPLES[endpointKey(endpoint)];
    it.skipIf(example === undefined)(`${endpointKey(endpoint)}${example ? '' : ' (no example: see the table test)'}`, async () => {
      if (!example) return;
      const problems = [...(await attackEndpoint(endpoint, example)), ...(await principalsOn(endpoint, example))];
      expect(problems).toEqual([]);
      expect(org.internalErrors, 'lines the server logged for 500s').toEqual([]);
    });
  }
});

describe('malformed HTTP, below any endpoint', () => {
  it('refuses bytes that are not a proper HTTP/1.1 request with the same JSON error body', async () => {
    const { host } = new URL(org.url);
    const path = '/api/ss/rest/v1/users/self';
    const auth = `Authorization: Bearer ${org.principals.admin}\r\n`;
    const attacks: [label: string, bytes: string, statuses: readonly number[]][] = [
      ['not HTTP at all', 'HELLO THERE\r\n\r\n', [400]],
      ['the HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', [400]],
      ['an unknown HTTP version', `GET ${path} HTTP/9.9\r\nHost: ${host}\r\n\r\n`, [400, 505]],
      ['a NUL in a header', `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Note: a\u0000b\r\n\r\n`, [400]],
      ['a space before a header colon', `GET ${path} HTTP/1.1\r\nHost : ${host}\r\n\r\n`, [400]],
      ['an obsolete folded header', `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Note: a\r\n folded\r\n\r\n`, [400]],
      ['Content-Length and Transfer-Encoding (smuggling)', `POST /api/ss/rest/v1/revoke-token HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, [400]],
      ['two different Content-Length values', `POST /api/ss/rest/v1/revoke-token HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`, [400]],
      ['a negative Content-Length', `POST /api/ss/rest/v1/revoke-token HTTP/1.1\r\nHost: ${host}\r\nContent-Length: -5\r\n\r\n`, [400]],
      ['an invalid chunk size', `POST /api/ss/rest/v1/revoke-token HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, [400]],
      ['20 KB of headers', `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}X-Padding: ${'p'.repeat(20_000)}\r\n\r\n`, [431]],
      ['a 20 KB URL', `GET ${path}?${'q'.repeat(20_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`, [431]],
      ['HTTP/1.0 without Host', `GET ${path} HTTP/1.0\r\n${auth}\r\n`, [421]],
      ['an absolute URL to another host', `GET http://evil.example${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}\r\n`, [200, 400, 421]],
    ];
    const problems: string[] = [];
    for (const [label, bytes, statuses] of attacks) {
      let answer: Awaited<ReturnType<typeof exchangeBytes>>;
      try {
        answer = await exchangeBytes(org.url, bytes);
      } catch (error) {
        tally.record('malformed HTTP', 'serverError');
        problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (answer === 'closed without an answer') {
        tally.record('malformed HTTP', 'refused');
        problems.push(`${label}: the connection closed without an answer`);
        continue;
      }
      tally.recordStatus('malformed HTTP', answer.status);
      problems.push(...judgeRestAnswer(answer, 'GET', secrets).map((problem) => `${label}: ${problem}`));
      if (!statuses.includes(answer.status)) problems.push(`${label}: answered ${answer.status}, expected ${statuses.join(' or ')}`);
    }
    expect(problems).toEqual([]);
  });
});

async function attackEndpoint(endpoint: Endpoint, example: RestExample): Promise<string[]> {
  const problems: string[] = [];
  let base = await example.build(org);
  const valid = await send(org.url, toRaw(endpoint, base, org.principals));
  tally.recordStatus('valid examples', valid.status);
  if (valid.status !== example.status) problems.push(`the valid example answered ${valid.status}, not ${example.status}${refusalText(valid)}`);
  base = await example.build(org);
  // Fingerprints are taken only when the server wrote something (data_version moved): a
  // full one per request would grow with the data the accepted attacks add.
  let version = org.dataVersion();
  let baseline = org.fingerprint();
  const methods = org.server.endpoints.filter((each) => each.pattern === endpoint.pattern).map((each) => each.method);
  const wire = example.wire ?? 'rest';
  const isAccepted = example.accepted ?? ((answer: RawAnswer) => answer.status >= 200 && answer.status < 300);
  for (const attack of restAttacks(endpoint, base, methods, example.access !== 'anyone', wire, example.attackFields)) {
    const raw = attack.build(base, org.principals);
    let answer: RawAnswer;
    try {
      answer = await send(org.url, raw);
    } catch (error) {
      tally.record(attack.kind, 'serverError');
      problems.push(`${attack.label}: no answer (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    tally.record(attack.kind, answer.status >= 500 ? 'serverError' : isAccepted(answer) ? 'accepted' : 'refused');
    problems.push(...judgeRestAnswer(answer, raw.method, secrets, wire).map((problem) => `${attack.label}: ${problem}`));
    if (attack.expect && !attack.expect.includes(answer.status)) {
      problems.push(`${attack.label}: answered ${answer.status}, expected ${attack.expect.join(' or ')}${refusalText(answer)}`);
    }
    if (org.dataVersion() === version) continue;
    // Something was stored. Accepted: the example may be used up (a token, a key), so a new
    // one. Refused: only what the fingerprint excuses may have changed.
    if (isAccepted(answer)) base = await example.build(org);
    else if (org.fingerprint() !== baseline) problems.push(`${attack.label}: refused with ${answer.status}, yet the stored data changed`);
    version = org.dataVersion();
    baseline = org.fingerprint();
  }
  return problems;
}

/** A refusal's body, to say why; an acceptance's body may hold tokens, never printed. */
function refusalText(answer: RawAnswer): string {
  return answer.status >= 400 ? `: ${answer.text.slice(0, 200)}` : '';
}

/** The example sent by each principal: those the access allows get in, the others get 401 or 403. */
async function principalsOn(endpoint: Endpoint, example: RestExample): Promise<string[]> {
  const problems: string[] = [];
  const allowed = ALLOWED[example.access];
  // Credentials mean nothing to an endpoint anyone may call (sign-in, tokens, discovery).
  if (allowed === 'all') return problems;
  for (const principal of PRINCIPALS) {
    const base: ExampleRequest = await example.build(org);
    const secret = org.principals[principal];
    const credentials = principal.endsWith('Key') ? { apiKey: secret } : { token: secret };
    const version = org.dataVersion();
    const baseline = org.fingerprint();
    const answer = await send(org.url, toRaw(endpoint, { ...base, credentials }, org.principals));
    tally.recordStatus(KINDS.principals, answer.status);
    problems.push(...judgeRestAnswer(answer, endpoint.method, secrets, example.wire).map((problem) => `as ${principal}: ${problem}`));
    const refused = answer.status === 401 || answer.status === 403;
    if (allowed.includes(principal) && refused) problems.push(`as ${principal}: refused with ${answer.status}, but ${example.access} access allows it`);
    if (!allowed.includes(principal)) {
      if (!refused) problems.push(`as ${principal}: answered ${answer.status}; ${example.access} access should refuse it with 401 or 403`);
      else if (org.dataVersion() !== version && org.fingerprint() !== baseline) problems.push(`as ${principal}: refused, yet the stored data changed`);
    }
  }
  return problems;
}
