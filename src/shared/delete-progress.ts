// Where a guided delete stands, for a server without KeyDesk's one-request extensions (JMap
// Cloud): KeyDesk finds what the key owns by reading every resource's permissions, gives the
// chosen Editor OWNER on each, removes the key's entries, checks, and only then deletes the
// key. That takes many requests: the renderer polls this to show progress, to offer "Cancel"
// while nothing has changed yet, and, after a failure, to say what was done and what was not
// (a delete asked again with the same fate resumes where it stopped).
import type { AppErrorData } from './errors';
import type { ResourcesFate } from './resources-fate';

export const DELETE_PHASES = [
  /** Reading every data source's and project's permissions for the key's entries. */
  'finding',
  /** Giving the chosen member OWNER on each resource the key owns. */
  'transferring',
  /** Removing every permission entry that names the key. */
  'removing-entries',
  /** Reading every resource again: the key must own nothing and be named nowhere. */
  'checking',
  /** The key's own DELETE. */
  'deleting-key',
] as const;
export type DeletePhase = (typeof DELETE_PHASES)[number];

export interface DeleteProgress {
  readonly apiKeyId: string;
  readonly phase: DeletePhase;
  /** Within the phase: resources (or entries) handled so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Whether the server has been changed: until then the operation can be cancelled. */
  readonly changed: boolean;
  /** The fate being carried out; null while finding what the key owns. */
  readonly fate: ResourcesFate | null;
  /** Across stops and resumes: resources the member now owns, of those to transfer. */
  readonly transferred: number;
  readonly toTransfer: number;
  /** Across stops and resumes: the key's entries removed, of those found. */
  readonly entriesRemoved: number;
  readonly entriesToRemove: number;
  /** The failure it stopped on (nothing is lost: ask the delete again to resume); null while running. */
  readonly stopped: AppErrorData | null;
}
