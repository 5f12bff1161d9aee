// What a check for updates found, as codes and values (UpdateCheck): pure functions, no
// Electron, so that every mapping is unit-tested. The renderer says each in the user's
// language. No raw updater message goes anywhere: electron-updater's messages can carry
// whole HTTP header dumps; only a short error code does.
import type { UpdateCheck, UpdateFailure } from '../../shared/ipc-contract';

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

export const NOT_PACKAGED: UpdateCheck = { status: 'unsupported', reason: 'not-packaged' };

export function decideAfterCheck(outcome: CheckOutcome | null, currentVersion: string): CheckDecision {
  // electron-updater answers null when it is not active (e.g. an unpacked Linux build).
  if (outcome === null) return { report: { status: 'unsupported', reason: 'updater-inactive' }, download: null };
  const latest = outcome.updateInfo.version;
  if (!outcome.isUpdateAvailable) return { report: { status: 'up-to-date', currentVersion }, download: null };
  return { report: { status: 'available', version: latest, currentVersion, downloaded: false }, download: latest };
}

export function downloadingReport(version: string): UpdateCheck {
  return { status: 'available', version, currentVersion: null, downloaded: false };
}

export function downloadedReport(version: string): UpdateCheck {
  return { status: 'available', version, currentVersion: null, downloaded: true };
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

function failureOf(code: string, httpStatus: number | null): UpdateFailure {
  if (NOT_FOUND_CODES.has(code)) return 'no-release';
  if (UNREADABLE_CODES.has(code)) return 'unreadable';
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return 'signature';
  if (code.startsWith('net::ERR_CERT_') || code.startsWith('net::ERR_SSL_')) return 'certificate';
  if (code.startsWith('net::') || NODE_NETWORK_CODES.has(code)) return 'network';
  if (httpStatus === 401 || httpStatus === 403) return 'access-refused';
  if (httpStatus !== null && httpStatus >= 500) return 'server-failed';
  if (httpStatus !== null) return 'http';
  return 'unknown';
}

export function describeUpdateError(error: unknown): UpdateCheck {
  const code = errorCodeOf(error);
  if (code === null) return { status: 'error', reason: 'unknown', code: null, httpStatus: null };
  const http = /^HTTP_ERROR_(\d{3})$/.exec(code);
  const httpStatus = http ? Number(http[1]) : null;
  return { status: 'error', reason: failureOf(code, httpStatus), code, httpStatus };
}
