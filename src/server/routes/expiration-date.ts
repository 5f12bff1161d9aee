// A new key's expiration: an ISO date-time, or `YYYY-MM-DD` meaning the end of that day
// UTC; either way strictly in the future and at most a year away (see api-key-expiration.ts
// for why). Returns the instant as an ISO string.
import { z } from 'zod';
import { latestApiKeyExpiration, MAX_API_KEY_LIFETIME_YEARS } from '../../shared/api-key-expiration';
import { HttpError } from '../http/http-error';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimeSchema = z.iso.datetime({ offset: true });

export function parseExpirationDate(value: string, now: Date): string {
  let instant: Date;
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    instant = new Date(Date.UTC(year, month - 1, day, 23, 59, 59, 999));
    if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) throw invalid(value);
  } else if (dateTimeSchema.safeParse(value).success) {
    instant = new Date(value);
  } else {
    throw invalid(value);
  }
  if (Number.isNaN(instant.getTime())) throw invalid(value);
  if (instant.getTime() <= now.getTime()) {
    throw new HttpError(400, 'INVALID_EXPIRATION_DATE', 'The expiration date must be in the future.', { expirationDate: value });
  }
  const latest = latestApiKeyExpiration(now);
  if (instant.getTime() > latest.getTime()) {
    throw new HttpError(
      400,
      'INVALID_EXPIRATION_DATE',
      `The expiration date must be at most ${MAX_API_KEY_LIFETIME_YEARS} year from now (${latest.toISOString().slice(0, 10)} at the latest): a key must be renewed at least once a year.`,
      { expirationDate: value, latestExpirationDate: latest.toISOString() },
    );
  }
  return instant.toISOString();
}

const invalid = (value: string): HttpError =>
  new HttpError(
    400,
    'INVALID_EXPIRATION_DATE',
    'The expiration date must be an ISO date-time (2030-01-31T12:00:00Z) or a date (2030-01-31, meaning the end of that day UTC).',
    { expirationDate: value },
  );
