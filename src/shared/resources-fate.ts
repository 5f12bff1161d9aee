// What happens to the resources (data sources, projects) an API key owns when it is
// deleted: one type from the delete dialog through the IPC contract and the services to
// the server's delete plan. Only the edges translate it: the organization client to the
// REST query (`transferTo` / `deleteResources=true`), the server's route back from it.
import { z } from 'zod';

export type ResourcesFate<Member = string> =
  /** The member (an Editor) becomes an owner of everything the key owned. */
  | { kind: 'transfer'; to: Member }
  /** What the key owned alone is deleted with it; what it shared stays with its other owners. */
  | { kind: 'delete-with-key' }
  /** The key owns nothing: a plain delete, refused (RESOURCES_OWNED) if it turns out to own something. */
  | { kind: 'nothing-owned' };

export const resourcesFateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('transfer'), to: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('delete-with-key') }),
  z.strictObject({ kind: z.literal('nothing-owned') }),
]);
