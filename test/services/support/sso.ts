// Single sign-on in the services' tests: the local server as the connection's identity provider.
import { LOCAL_IDENTITY_PROVIDER } from '../../../src/shared/identity-provider';
import type { SsoStep } from '../../../src/shared/session';
import type { Harness } from './harness';

export const ssoRequest = (h: Harness, remember = false, issuer = `${h.server.url}/`) => ({
  serverUrl: h.server.url,
  identityProvider: { issuer, clientId: LOCAL_IDENTITY_PROVIDER.clientId, audience: LOCAL_IDENTITY_PROVIDER.audience },
  remember,
});

export function expectStep<S extends SsoStep['status']>(step: SsoStep, status: S): Extract<SsoStep, { status: S }> {
  if (step.status !== status) throw new Error(`expected the step ${status}, got ${step.status}`);
  return step as Extract<SsoStep, { status: S }>;
}
