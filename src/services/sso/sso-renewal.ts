// A single sign-on session's renewal (TokenSession's injected strategy): the identity
// provider's token endpoint with the rotating refresh token. Switching organization is a
// refresh scoped to the other organization (its Auth0 id) where the provider offers it
// silently; Auth0 scopes only through /authorize, so there the switch goes through the
// browser (sso-organization-switch.ts) and a refresh for another organization is refused.
import type { OrganizationMembership } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import type { TokenRenewal } from '../connections/token-renewal';
import type { IdentityProviderClient } from './identity-provider-client';
import { refusal } from './sso-errors';

export function auth0IdOf(organizations: readonly OrganizationMembership[], organizationId: string): string {
  const organization = organizations.find((candidate) => candidate.id === organizationId);
  if (!organization) throw AppError.because('NOT_FOUND', 'not-a-member', {}, 'You are not a member of this organization.', { organizationId });
  if (organization.auth0Id === undefined) {
    throw refusal('invalid-response', `The server does not say how the identity provider names ${organization.name} (auth0Id).`);
  }
  return organization.auth0Id;
}

export function createSsoRenewal(options: { provider: IdentityProviderClient; organizations: readonly OrganizationMembership[] }): TokenRenewal {
  const { provider } = options;
  return {
    async renew(refreshToken, organizationId, from) {
      if (organizationId === from) return provider.refresh(refreshToken);
      const auth0Id = auth0IdOf(options.organizations, organizationId);
      if (!provider.switchesOrganizationSilently) {
        throw refusal('browser-needed', 'This identity provider changes organization only through the browser (startOrganizationSwitch).', { organizationId });
      }
      return provider.refresh(refreshToken, auth0Id);
    },
    revokeToken: (refreshToken) => provider.revokeToken(refreshToken),
    identityProvider: provider,
  };
}
