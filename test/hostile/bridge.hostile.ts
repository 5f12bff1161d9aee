// Every method of the web preview's bridge, attacked over HTTP as a page (or anything else
// on this machine) could: the methods come from the IPC contract (IPC_METHODS), the valid
// calls from bridge-examples.ts, the attacks from the same hostile values as the REST
// suite. Each answer must be no 5xx, on time, a Result; a failure must carry a code of
// APP_ERROR_CODES and never be INTERNAL (an unexpected throw) nor SERVER (the organization
// server failing behind the bridge); a refused call must leave the stored data as it was.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_METHODS, type IpcMethod } from '../../src/shared/ipc-contract';
import { BRIDGE_EXAMPLES } from './bridge-examples';
import { Tally } from './support/figures';
import type { RawAnswer } from './support/http';
import { fieldVariants, wholeBodyVariants, type BodyVariant } from './support/mutations';
import { DEMO_PASSWORD } from './support/organization-under-attack';
import { startPreviewUnderAttack } from './support/preview-under-attack';
import { judgeBridgeAnswer } from './support/verdicts';

const bridge = await startPreviewUnderAttack();
const tally = new Tally();
afterAll(async () => {
  tally.write('bridge');
  await bridge.close();
});

const secrets = [DEMO_PASSWORD, bridge.preview.token];
const GUARD = 'bridge guard: token, Origin, Host, method';
const UNKNOWN = 'unknown bridge methods';

interface BridgeAttack {
  kind: string;
  label: string;
  send(argument: unknown): Promise<RawAnswer>;
  /** When set, the HTTP status the attack must get. */
  status?: number;
}

function attacksOn(method: string, example: unknown): BridgeAttack[] {
  const body = (variant: BodyVariant): BridgeAttack => ({
    kind: variant.kind,
    label: `argument: ${variant.label}`,
    send: (argument) => bridge.raw(method, variant.raw(argument)),
  });
  const json = (argument: unknown) => (argument === undefined ? '' : JSON.stringify(argument));
  const guard = (label: string, status: number, change: Parameters<typeof bridge.raw>[2]): BridgeAttack => ({
    kind: GUARD,
    label,
    status,
    send: (argument) => bridge.raw(method, json(argument), change),
  });
  return [
    ...(example === undefined ? [] : fieldVariants(example).map(body)),
    ...wholeBodyVariants().map(body),
    guard('no session token', 403, { headers: { 'X-KeyDesk-Token': '' } }),
    guard('the token of another run', 403, { headers: { 'X-KeyDesk-Token': randomBytes(32).toString('base64url') } }),
    guard('the token with a character more', 403, { headers: { 'X-KeyDesk-Token': `${bridge.preview.token}x` } }),
    guard('no Origin', 403, { headers: { Origin: '' } }),
    guard('a foreign Origin', 403, { headers: { Origin: 'http://evil.example' } }),
    guard('Origin "null" (a sandboxed frame)', 403, { headers: { Origin: 'null' } }),
    guard('another local port as Origin', 403, { headers: { Origin: 'http://127.0.0.1:1' } }),
    guard('Sec-Fetch-Site: cross-site', 403, { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
    guard('a foreign Host (DNS rebinding)', 403, { headers: { Host: 'evil.example' } }),
    guard('GET instead of POST', 405, { method: 'GET' }),
    guard('PUT instead of POST', 405, { method: 'PUT' }),
    guard('Content-Type text/plain (a form could send it)', 415, { headers: { 'Content-Type': 'text/plain' } }),
    guard('no Content-Type', 415, { headers: { 'Content-Type': '' } }),
  ];
}

describe('the table of valid calls', () => {
  it('has an example for every method of the IPC contract, and none for a method it does not have', () => {
    const missing = IPC_METHODS.filter((method) => !(method in BRIDGE_EXAMPLES));
    const stale = Object.keys(BRIDGE_EXAMPLES).filter((method) => !(IPC_METHODS as string[]).includes(method));
    expect(missing, 'New methods without an example: add one to test/hostile/bridge-examples.ts (see test/hostile/README.md).').toEqual([]);
    expect(stale, 'Examples for methods the contract no longer has: remove or rename them in test/hostile/bridge-examples.ts.').toEqual([]);
  });
});

describe('every bridge method under attack', () => {
  // signIn last: its attacks are wrong passwords of the administrator, whose backoff would
  // then hold up every example that opens the local organization as that administrator.
  const methods: IpcMethod[] = [...IPC_METHODS.filter((method) => method !== 'signIn'), 'signIn'];
  for (const method of methods) {
    it(method, async () => {
      const example = BRIDGE_EXAMPLES[method];
      const problems: string[] = [];
      let argument = await example.build(bridge);
      const [answer] = await Promise.all([bridge.raw(method, argument === undefined ? '' : JSON.stringify(argument)), example.alongside?.(bridge)]);
      const valid = judgeBridgeAnswer(answer, secrets);
      tally.record('valid examples', valid.accepted ? 'accepted' : 'refused');
      if (!valid.accepted) problems.push(`the valid example was refused`, ...valid.problems);
      argument = await example.build(bridge);
      await bridge.settle();
      // A full fingerprint only when something was stored (see rest.hostile.ts).
      let version = await bridge.stateVersion();
      let baseline = await bridge.fingerprint();
      for (const attack of attacksOn(method, argument)) {
        let answer: RawAnswer;
        try {
          answer = await attack.send(argument);
        } catch (error) {
          tally.record(attack.kind, 'serverError');
          problems.push(`${attack.label}: no answer (${error instanceof Error ? error.message : String(error)})`);
          continue;
        }
        const verdict = judgeBridgeAnswer(answer, secrets);
        tally.record(attack.kind, answer.status >= 500 ? 'serverError' : verdict.accepted ? 'accepted' : 'refused');
        problems.push(...verdict.problems.map((problem) => `${attack.label}: ${problem}`));
        if (attack.status !== undefined && answer.status !== attack.status) problems.push(`${attack.label}: answered HTTP ${answer.status}, expected ${attack.status}`);
        if (verdict.accepted) {
          argument = await example.build(bridge);
          await bridge.settle();
        } else {
          if ((await bridge.stateVersion()) === version) continue;
          if ((await bridge.fingerprint()) !== baseline) problems.push(`${attack.label}: refused, yet the stored data changed`);
        }
        version = await bridge.stateVersion();
        baseline = await bridge.fingerprint();
      }
      expect(problems).toEqual([]);
    });
  }

  it('refuses names that are not methods of the contract', async () => {
    const problems: string[] = [];
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'signin', 'SIGNIN', 'getSession%00', 'getSession/..', '..%2FgetSession', '', 'a'.repeat(2000), '%F0%9F%94%91', 'get%20Session'];
    for (const name of names) {
      const answer = await bridge.raw(name, '');
      const verdict = judgeBridgeAnswer(answer, secrets);
      tally.record(UNKNOWN, answer.status >= 500 ? 'serverError' : verdict.accepted ? 'accepted' : 'refused');
      problems.push(...verdict.problems.map((problem) => `${name.slice(0, 40)}: ${problem}`));
      if (verdict.accepted) problems.push(`${name.slice(0, 40)}: ran as if it were a method`);
    }
    expect(problems).toEqual([]);
  });

  it('logged no unexpected failure of the services', () => {
    expect(bridge.errors).toEqual([]);
  });
});
