// A remembered single sign-on connection at the next start: the refresh token from the
// keychain goes to the identity provider's token endpoint (no browser); the saved
// connection then resumes in its organization as a password one does (saved-connection.ts).
import { AppError, isAppError } from '../../shared/errors';
import type { IdentityProviderConfig } from '../../shared/identity-provider';
import type { SavedSsoConnections } from '../connections/saved-connection';
import type { CredentialHousekeeping } from '../connections/credential-housekeeping';
import type { IdentityProviderClient } from './identity-provider-client';
import { SSO_SESSION_ENDED } from './sso-errors';
import { createSsoRenewal } from './sso-renewal';

export function createSavedSsoConnections(options: {
  discover(config: IdentityProviderConfig): Promise<IdentityProviderClient>;
  chores: CredentialHousekeeping;
}): SavedSsoConnections {
  return {
    async refresh(profile, refreshToken) {
      const provider = await options.discover(profile.identityProvider);
      try {
        const tokens = await provider.refresh(refreshToken);
        return { tokens, renewal: (organizations) => createSsoRenewal({ provider, organizations }) };
      } catch (error) {
        if (!isAppError(error, 'UNAUTHORIZED')) throw error;
        await options.chores.forget(profile.id);
        throw AppError.because('UNAUTHORIZED', 'sso-session-ended', {}, SSO_SESSION_ENDED, { connectionId: profile.id, needsSsoSignIn: true, sessionEnded: true });
      }
    },
    revoker: (config) => options.discover(config),
  };
}
