// What a person reads after "Check for updates…": pure functions, no Electron, so every
// wording and every error mapping is unit-tested. No stack trace and no raw updater message
// reaches the user: electron-updater's messages can carry whole HTTP header dumps.
import type { UpdateCheck } from '../../shared/ipc-contract';

export const NOT_PACKAGED_MESSAGE = 'Updates only work in an installed copy of KeyDesk (this one runs from the source tree).';
export const UPDATER_INACTIVE_MESSAGE =
  'This copy of KeyDesk cannot update itself. On Linux, updates work in the AppImage, deb and rpm packages; install one of them to get updates.';

/** The part of electron-updater's UpdateCheckResult the decision needs. */
export interface CheckOutcome {
  isUpdateAvailable: boolean;
  updateInfo: { version: string };
}

/** What to tell the user, and whether to start downloading, after a check. */
export interface CheckDecision {
  report: UpdateCheck;
  download: string | null;
}

export function decideAfterCheck(outcome: CheckOutcome | null, currentVersion: string): CheckDecision {
  // electron-updater answers null when it is not active (e.g. an unpacked Linux build).
  if (outcome === null) return { report: { status: 'unsupported', message: UPDATER_INACTIVE_MESSAGE }, download: null };
  const latest = outcome.updateInfo.version;
  if (!outcome.isUpdateAvailable) {
    return { report: { status: 'up-to-date', message: `KeyDesk ${currentVersion} is the latest version.` }, download: null };
  }
  return {
    report: {
      status: 'available',
      message: `KeyDesk ${latest} is available (you have ${currentVersion}). It is downloading in the background and will be installed when you quit KeyDesk.`,
    },
    download: latest,
  };
}

export function downloadingReport(version: string): UpdateCheck {
  return { status: 'available', message: `KeyDesk ${version} is downloading in the background and will be installed when you quit KeyDesk.` };
}

export function downloadedReport(version: string): UpdateCheck {
  return { status: 'available', message: `KeyDesk ${version} has been downloaded and will be installed when you quit KeyDesk.` };
}

const NOT_FOUND_CODES = new Set([
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
  'ERR_UPDATER_NO_PUBLISHED_VERSIONS',
  'ERR_UPDATER_RELEASE_NOT_FOUND',
  'ERR_UPDATER_ASSET_NOT_FOUND',
  'HTTP_ERROR_404',
]);
const UNREADABLE_CODES = new Set([
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_INVALID_RELEASE_FEED',
  'ERR_UPDATER_INVALID_VERSION',
  'ERR_UPDATER_NO_FILES_PROVIDED',
  'ERR_UPDATER_NO_CHECKSUM',
]);
const NODE_NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A short identifier safe to show and log: an error code, never free text. */
export function errorCodeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,64}$/.test(code)) return code;
  const message = (error as { message?: unknown }).message;
  // Electron's net module reports failures as "net::ERR_NAME_NOT_RESOLVED".
  const net = typeof message === 'string' ? /net::(ERR_[A-Z0-9_]{2,60})/.exec(message) : null;
  return net ? `net::${net[1]}` : null;
}

export function describeUpdateError(error: unknown): UpdateCheck {
  const code = errorCodeOf(error);
  const fail = (message: string): UpdateCheck => ({ status: 'error', message });
  if (code === null) return fail('The update check failed. Try again later.');
  if (NOT_FOUND_CODES.has(code)) {
    return fail('No KeyDesk release was found on the update server. Try again later, or ask whoever distributes KeyDesk where its updates are published.');
  }
  if (UNREADABLE_CODES.has(code)) return fail('The update server sent update information that KeyDesk cannot read. Try again later.');
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') {
    return fail('The update was refused because its signature could not be verified. Download KeyDesk again from its official page.');
  }
  if (code.startsWith('net::ERR_CERT_') || code.startsWith('net::ERR_SSL_')) {
    return fail(`The update server’s certificate was refused (${code}). Check your network’s proxy settings.`);
  }
  if (code.startsWith('net::') || NODE_NETWORK_CODES.has(code)) {
    return fail(`Could not reach the update server (${code}). Check your network connection and try again.`);
  }
  const http = /^HTTP_ERROR_(\d{3})$/.exec(code);
  if (http) {
    const status = Number(http[1]);
    if (status === 401 || status === 403) return fail(`The update server refused access (HTTP ${status}).`);
    if (status >= 500) return fail(`The update server had a problem (HTTP ${status}). Try again later.`);
    return fail(`The update server answered HTTP ${status}. Try again later.`);
  }
  return fail(`The update check failed (${code}). Try again later.`);
}
