// The best-effort chores around a session's credentials: revoking a refresh token nobody
// will use again, deleting a keychain entry and the "remembered" mark of its profile.
// They log a failure (without the token) rather than throw: each runs while something
// else (a sign-out, a failed sign-in) is the thing the user asked for.
import { AppError } from '../../shared/errors';
import type { ConnectionProfile } from '../../shared/session';
import type { CredentialStore } from '../credentials/credential-store';
import type { Logger } from '../logger';
import type { ProfileStore } from './profile-store';
import type { TokenRevoker } from './token-renewal';

const codeOf = (error: unknown): string => (error instanceof AppError ? error.code : 'UNKNOWN');

export function createCredentialHousekeeping(options: { credentialStore: CredentialStore; profiles: ProfileStore; log: Logger }) {
  const { credentialStore, profiles, log } = options;

  async function saveProfile(profile: ConnectionProfile): Promise<void> {
    try {
      await profiles.save(profile);
    } catch (error) {
      log.error('The saved connections could not be written', { reason: error instanceof Error ? error.message : 'unknown' });
    }
  }

  return {
    saveProfile,

    /** A token nobody will use again is revoked; failing that, it simply expires. */
    async revoke(revoker: TokenRevoker, refreshToken: string): Promise<void> {
      try {
        await revoker.revokeToken(refreshToken);
      } catch (error) {
        log.warn('A refresh token could not be revoked', { code: codeOf(error) });
      }
    },

    /** Stores a rotated token; the session goes on if the keychain refuses (the next start asks for the password). */
    async storeRotated(connectionId: string, refreshToken: string): Promise<void> {
      try {
        await credentialStore.setRefreshToken(connectionId, refreshToken);
      } catch (error) {
        log.warn('The renewed refresh token could not be saved in the keychain', { connectionId, code: codeOf(error) });
      }
    },

    /** Deletes the keychain entry and marks the profile as no longer remembered. */
    async forget(connectionId: string): Promise<void> {
      try {
        await credentialStore.deleteRefreshToken(connectionId);
      } catch (error) {
        log.warn('The keychain entry could not be deleted', { connectionId, code: codeOf(error) });
      }
      const profile = await profiles.get(connectionId);
      if (profile?.remembered) await saveProfile({ ...profile, remembered: false });
    },
  };
}

export type CredentialHousekeeping = ReturnType<typeof createCredentialHousekeeping>;
