// The OS keychain through keytar (macOS Keychain, Windows Credential Manager, the Secret
// Service on Linux). keytar is archived upstream: this file is the only one that knows
// it, so a move to Electron's safeStorage replaces this file and nothing else.
import { AppError, type ErrorReason } from '../../shared/errors';
import type { CredentialStore } from './credential-store';

export const KEYCHAIN_SERVICE = 'KeyDesk';

/** The part of keytar we use. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarCredentialStoreOptions {
  /** Loads keytar; injected by tests to simulate a keytar that cannot load. */
  loadKeytar?: () => Promise<KeytarApi>;
  platform?: NodeJS.Platform;
}

async function importKeytar(): Promise<KeytarApi> {
  // Lazy, so that a missing or broken native module is a reported error, not a crash at start.
  const module = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return module.default ?? module;
}

/** The renderer's sentence for each platform says what to install or unlock there. */
function keychainReason(platform: NodeJS.Platform): ErrorReason {
  if (platform === 'darwin') return 'keychain-unavailable-macos';
  if (platform === 'win32') return 'keychain-unavailable-windows';
  return 'keychain-unavailable-linux';
}

/** What to install or unlock, in the words of each platform (the diagnostic message). */
export function keychainUnavailableMessage(platform: NodeJS.Platform): string {
  const sessionOnly = 'Or sign in without “Remember me” to use this connection for this session only.';
  switch (platform) {
    case 'darwin':
      return `KeyDesk could not use the macOS Keychain. Unlock your login keychain (Keychain Access) and allow KeyDesk to use it, then try again. ${sessionOnly}`;
    case 'win32':
      return `KeyDesk could not use Windows Credential Manager. Make sure Credential Manager is available for your Windows account, then try again. ${sessionOnly}`;
    default:
      return `KeyDesk could not use the system keychain. Install a Secret Service such as gnome-keyring (with libsecret), make sure your login keyring is unlocked, then try again. ${sessionOnly}`;
  }
}

export function createKeytarCredentialStore(options: KeytarCredentialStoreOptions = {}): CredentialStore {
  const load = options.loadKeytar ?? importKeytar;
  const platform = options.platform ?? process.platform;
  let loaded: KeytarApi | undefined;

  async function run<T>(operation: string, work: (keytar: KeytarApi) => Promise<T>, secret?: string): Promise<T> {
    try {
      loaded ??= await load();
      return await work(loaded);
    } catch (error) {
      // The keychain's own words help diagnose (locked collection, no D-Bus); the token
      // is blanked in case a backend ever echoed it.
      let cause = error instanceof Error ? error.message : String(error);
      if (secret) cause = cause.split(secret).join('[redacted]');
      throw AppError.because('KEYCHAIN_UNAVAILABLE', keychainReason(platform), {}, keychainUnavailableMessage(platform), {
        operation,
        cause: cause.slice(0, 300),
      });
    }
  }

  return {
    kind: 'keychain',
    getRefreshToken: (connectionId) => run('read', (keytar) => keytar.getPassword(KEYCHAIN_SERVICE, connectionId)),
    setRefreshToken: (connectionId, refreshToken) =>
      run('write', (keytar) => keytar.setPassword(KEYCHAIN_SERVICE, connectionId, refreshToken), refreshToken),
    deleteRefreshToken: async (connectionId) => {
      await run('delete', (keytar) => keytar.deletePassword(KEYCHAIN_SERVICE, connectionId));
    },
  };
}
