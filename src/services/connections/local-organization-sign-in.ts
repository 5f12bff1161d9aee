// "Open local organization": starts the bundled local organization server (once) and signs
// in to it as its demo administrator, without asking the user anything.
import { AppError, isAppError } from '../../shared/errors';
import { holdsRole } from '../../shared/roles';
import type { SessionInfo } from '../../shared/session';
import type { LocalOrganizationLauncher } from '../local-organization/local-organization-launcher';
import type { Logger } from '../logger';
import type { ActiveSession } from './active-session';
import type { CredentialHousekeeping } from './credential-housekeeping';
import type { PasswordSignIn, Started } from './password-sign-in';

export function createLocalOrganizationSignIn(options: {
  launcher: LocalOrganizationLauncher;
  passwordSignIn: PasswordSignIn;
  session: ActiveSession;
  chores: CredentialHousekeeping;
  log: Logger;
}) {
  const { launcher, passwordSignIn, chores, log } = options;
  let started = false;
  let opening: Promise<SessionInfo> | null = null;

  async function open(): Promise<SessionInfo> {
    let instance;
    try {
      instance = await launcher.start();
    } catch (error) {
      if (error instanceof AppError) throw error;
      log.error('The local organization server did not start', { reason: error instanceof Error ? error.message : 'unknown' });
      throw AppError.because('SERVER', 'local-organization-start-failed', {}, 'The local organization could not be started. Restart KeyDesk and try again.');
    }
    started = true;
    let signedIn: Started;
    try {
      signedIn = await passwordSignIn.start('local', { serverUrl: instance.url, username: instance.adminEmail, password: instance.adminPassword, remember: false });
    } catch (error) {
      // The user typed nothing: a refusal here is the local organization's fault, not theirs.
      if (!isAppError(error, 'UNAUTHORIZED')) throw error;
      throw AppError.because('SERVER', 'local-organization-refused-admin', {}, 'The local organization did not accept its own demo administrator. Restart KeyDesk and try again.');
    }
    const organization =
      signedIn.organizations.find((candidate) => candidate.roles !== null && holdsRole(candidate.roles, 'ORG_ADMIN')) ??
      signedIn.organizations.find((candidate) => candidate.roles === null);
    if (!organization) {
      await chores.revoke(signedIn.client, signedIn.refreshToken);
      throw AppError.because('SERVER', 'local-organization-no-organization', {}, 'The local organization has no organization its demo administrator can manage.');
    }
    return passwordSignIn.completeOnly(signedIn, organization.id, instance.url);
  }

  return {
    /** The app's auto-connect and a click may ask at once: both get the one sign-in. */
    open(): Promise<SessionInfo> {
      const current = options.session.current();
      if (current?.info.kind === 'local') return Promise.resolve(current.info);
      opening ??= open().finally(() => {
        opening = null;
      });
      return opening;
    },

    /** At quit: stops the server if this run started it. */
    async stop(): Promise<void> {
      if (started) await launcher.stop();
    },
  };
}
