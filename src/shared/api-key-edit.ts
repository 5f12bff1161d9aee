// Changing a key without a new secret: its title, its expiration, or both. A local-server
// extension (`capabilities.apiKeyEdit`, `PATCH …/api-keys/{id}`): JMap Cloud's public API has
// no such call, and there the renderer offers rotation instead. The new expiration obeys the
// create wizard's bound (api-key-expiration.ts: in the future, at most a year from now).
import { z } from 'zod';
import { apiKeyTitleSchema } from './api-types';

/** An expiration as the wizard sends it: an ISO date-time, or `YYYY-MM-DD` (the end of that day, UTC). */
export const expirationInputSchema = z.string().min(10, 'The expiration date is too short.').max(40, 'The expiration date is too long.');

/** The fields an edit may change; absent ones stay as they are. */
export const editApiKeyChanges = {
  title: apiKeyTitleSchema.optional(),
  expirationDate: expirationInputSchema.optional(),
};

/** An edit must change something. */
export const changesSomething = (edit: { title?: string; expirationDate?: string }): boolean => edit.title !== undefined || edit.expirationDate !== undefined;
export const NOTHING_TO_CHANGE = 'Give a new title, a new expiration date, or both.';

/** Body of `PATCH …/api-keys/{id}` (the server reads the date as the create does: parseExpirationDate). */
export const editApiKeyBodySchema = z
  .strictObject({ title: apiKeyTitleSchema.optional(), expirationDate: z.string().optional() })
  .refine(changesSomething, NOTHING_TO_CHANGE);
export type EditApiKeyBody = z.input<typeof editApiKeyBodySchema>;
