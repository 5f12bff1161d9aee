// The sentence a user reads for anything a call threw, in the app's language, said from
// the error's codes and details alone: the services and the server send a code, a reason
// and the values it names; their message is a diagnostic and is never shown. Most specific
// first: KeyDesk's reason, a server code whose sentence depends on a detail, the server's
// code, then KeyDesk's code.
import { AppError } from '@shared/errors';
import errorsEn from '@renderer/i18n/errors-en';
import { i18n } from '@renderer/i18n/i18n';

type ServerCode = keyof typeof errorsEn.byServerCode;
type ServerVariant = keyof typeof errorsEn.serverVariants;
type Values = Record<string, string | number>;

// i18next reads these option names itself: a detail of that name must not reach it.
const RESERVED = new Set(['count', 'context', 'ns', 'lng', 'lngs', 'defaultValue', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'keyPrefix', 'ordinal', 'replace']);

/** The details a sentence may name: plain strings and numbers. */
function valuesOf(details: Record<string, unknown>): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries(details)) {
    if (!RESERVED.has(name) && (typeof value === 'string' || typeof value === 'number')) values[name] = value;
  }
  return values;
}

/** "45 seconds", "3 minutes", "2 hours" in the app's language, rounded up. */
function waitOf(seconds: number): string {
  const [amount, unit] = seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [Math.ceil(seconds / 60), 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/** A server code said differently by one of its details, with the values it adds. */
function serverVariant(details: Record<string, unknown>): { key: ServerVariant; values: Values } | null {
  if (details.serverCode === 'TOO_MANY_SIGN_IN_ATTEMPTS' && typeof details.retryAfterSeconds === 'number') {
    const key = ({ backoff: 'signInBackoff', account: 'signInAccount', client: 'signInClient' } as const)[String(details.limit)];
    if (key) return { key, values: { wait: waitOf(details.retryAfterSeconds) } };
  }
  if (details.serverCode === 'INVALID_EXPIRATION_DATE' && typeof details.latestExpirationDate === 'string') {
    const latest = new Date(details.latestExpirationDate);
    if (!Number.isNaN(latest.getTime())) {
      return { key: 'expirationTooFar', values: { latest: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(latest) } };
    }
  }
  return null;
}

const knownServerCode = (code: unknown): code is ServerCode => typeof code === 'string' && Object.hasOwn(errorsEn.byServerCode, code);

/** Turns anything a call threw into the sentence to show the user. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof AppError)) return i18n.t('unexpected', { ns: 'errors' });
  const details = error.details ?? {};
  const values = valuesOf(details);
  if (error.reason) return i18n.t(`reasons.${error.reason}`, { ns: 'errors', ...values });
  const variant = serverVariant(details);
  if (variant) return i18n.t(`serverVariants.${variant.key}`, { ns: 'errors', ...values, ...variant.values });
  if (knownServerCode(details.serverCode)) return i18n.t(`byServerCode.${details.serverCode}`, { ns: 'errors', ...values });
  return i18n.t(`byCode.${error.code}`, { ns: 'errors' });
}

/** Whether the catalog has a sentence for this very error, not only for its broad code. */
export function hasOwnSentence(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const details = error.details ?? {};
  return error.reason !== null || serverVariant(details) !== null || knownServerCode(details.serverCode);
}
