// The create wizard's rules, apart from its components: field validation (the same title
// schema as the server), the request, and which fields a server error refuses.
import { MAX_API_KEY_LIFETIME_YEARS } from '@shared/api-key-expiration';
import { apiKeyTitleSchema, hasHalfSurrogate } from '@shared/api-types';
import type { AppError } from '@shared/errors';
import type { ApiKeyRole } from '@shared/roles';
import type { Dayjs } from 'dayjs';

export type CreateField = 'title' | 'expirationDate' | 'role';
const CREATE_FIELDS: readonly CreateField[] = ['title', 'expirationDate', 'role'];

/** i18n keys (namespace apiKeys) of the wizard's own validation messages. */
export type TitleError = 'create.errors.nameRequired' | 'create.errors.nameTooLong' | 'create.errors.nameInvalid' | 'create.errors.nameBroken';
export type DateError = 'create.errors.dateRequired' | 'create.errors.dateInvalid' | 'create.errors.datePast' | 'create.errors.dateTooFar';

export function validateTitle(title: string): TitleError | null {
  const result = apiKeyTitleSchema.safeParse(title);
  if (result.success) return null;
  const code = result.error.issues[0]?.code;
  if (code === 'too_small') return 'create.errors.nameRequired';
  if (code === 'too_big') return 'create.errors.nameTooLong';
  return hasHalfSurrogate(title) ? 'create.errors.nameBroken' : 'create.errors.nameInvalid';
}

/** The last day a key may run to: one year after today, as the server allows (api-key-expiration.ts). */
export function latestExpirationDay(today: Dayjs): Dayjs {
  return today.add(MAX_API_KEY_LIFETIME_YEARS, 'year');
}

/** The key is valid through the chosen day, so the day must come after today, and within a year. */
export function validateExpiration(date: Dayjs | null, today: Dayjs): DateError | null {
  if (date === null) return 'create.errors.dateRequired';
  if (!date.isValid()) return 'create.errors.dateInvalid';
  if (!date.isAfter(today, 'day')) return 'create.errors.datePast';
  if (date.isAfter(latestExpirationDay(today), 'day')) return 'create.errors.dateTooFar';
  return null;
}

/** The instant sent to the server: the end of the chosen day in the user's time zone. */
export function expirationInstant(date: Dayjs): string {
  return date.endOf('day').toISOString();
}

export type CreateRequest = { title: string; role: ApiKeyRole; expirationDate: string };

/** What identifies a submission: a retry of the same values reuses its Idempotency-Key. */
export function submissionFingerprint(request: CreateRequest): string {
  return JSON.stringify([request.title.trim(), request.role, request.expirationDate]);
}

const isCreateField = (value: unknown): value is CreateField => CREATE_FIELDS.includes(value as CreateField);

/**
 * The fields a server's VALIDATION error refuses: its details list issues with a path
 * (`{issues: [{path, message}]}`) or name the field itself (`{expirationDate: …}`). None:
 * the error is said once, above the buttons.
 */
export function refusedFields(error: AppError): CreateField[] {
  if (error.code !== 'VALIDATION') return [];
  const fields = new Set<CreateField>();
  const issues = error.details?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues as unknown[]) {
      const path = typeof issue === 'object' && issue !== null ? (issue as { path?: unknown }).path : undefined;
      const field = typeof path === 'string' ? path.split('.')[0] : undefined;
      if (isCreateField(field)) fields.add(field);
    }
  }
  for (const field of CREATE_FIELDS) {
    if (error.details !== undefined && Object.hasOwn(error.details, field)) fields.add(field);
  }
  return CREATE_FIELDS.filter((field) => fields.has(field));
}

/** The id of a key created whose secret was lost (SECRET_LOST), when the error names it. */
export function lostKeyId(error: AppError): string | null {
  for (const name of ['apiKeyId', 'id']) {
    const value = error.details?.[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
