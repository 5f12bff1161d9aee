// Whether the OS keychain answers here (a Secret Service under .ci/run's D-Bus session):
// null when it does, else why not, for a test to skip with.
import { KEYCHAIN_SERVICE, type KeytarApi } from '../../../src/services/credentials/keytar-credential-store';

export async function keychainSkipReason(): Promise<string | null> {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'no D-Bus session (run inside dbus-run-session with an unlocked gnome-keyring, as .ci/run does)';
  }
  try {
    const keytar = ((await import('keytar')) as { default: KeytarApi }).default;
    // A write, not a read: a locked collection answers reads and refuses writes.
    const account = `probe-${crypto.randomUUID()}`;
    const write = keytar.setPassword(KEYCHAIN_SERVICE, account, 'probe').then(() => keytar.deletePassword(KEYCHAIN_SERVICE, account));
    const answered = await Promise.race([write.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
    return answered ? null : 'the Secret Service did not answer within 5 s';
  } catch (error) {
    return `keytar could not load: ${error instanceof Error ? error.message : String(error)}`;
  }
}
