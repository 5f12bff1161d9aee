// What a key owns, found without the owned-resources extension: every data source and
// project of the organization is listed, and each one's permission entries read (at most
// `concurrency` at a time, cancellable, with progress). JMap Cloud documents no "owned by"
// query, so this is the only complete answer; a list it cannot read is an error, never a
// shorter list (a resource it missed is one a plain DELETE might take with the key).
import type { Member, OwnedResources, Owner } from '../../../shared/api-types';
import { isAppError } from '../../../shared/errors';
import type { PermissionEntry } from '../../../shared/resource-permissions';
import { pickTranslation, type TranslatedName } from '../../../shared/translated-name';
import { mapLimit } from '../../concurrency/map-limit';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import type { ResourceKind } from '../../organization-client/resource-methods';

export interface ScannedResource {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly name: TranslatedName;
  /** Every entry of the resource, as read. */
  readonly entries: readonly PermissionEntry[];
}

export interface ResourceScan {
  readonly keyId: string;
  /** Every resource that still existed when its permissions were read. */
  readonly resources: readonly ScannedResource[];
}

export interface ScanOptions {
  concurrency: number;
  signal?: AbortSignal;
  /** After each resource read: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

type ScanClient = Pick<BoundOrganizationClient, 'dataSources' | 'projects' | 'resourcePermissions'>;

type Listed = { kind: ResourceKind; id: string; name: TranslatedName };

/** Every data source and project of the organization. */
async function listAll(org: ScanClient, signal: AbortSignal | undefined): Promise<Listed[]> {
  const [dataSources, projects] = await Promise.all([org.dataSources(signal), org.projects(signal)]);
  return [
    ...dataSources.map((resource) => ({ kind: 'dataSource' as const, ...resource })),
    ...projects.map((resource) => ({ kind: 'project' as const, ...resource })),
  ];
}

/** The permissions of each listed resource; those deleted meanwhile are left out. */
export async function readEach(org: ScanClient, listed: readonly Listed[], options: ScanOptions): Promise<ScannedResource[]> {
  let done = 0;
  options.onProgress?.(0, listed.length);
  const read = await mapLimit(listed, options.concurrency, async (resource): Promise<ScannedResource | null> => {
    try {
      return { ...resource, entries: await org.resourcePermissions(resource.kind, resource.id, options.signal) };
    } catch (error) {
      // Deleted since the list was read: it owns nothing any more.
      if (isAppError(error, 'NOT_FOUND')) return null;
      throw error;
    } finally {
      done += 1;
      options.onProgress?.(done, listed.length);
    }
  });
  return read.filter((resource) => resource !== null);
}

export async function scanResources(org: ScanClient, keyId: string, options: ScanOptions): Promise<ResourceScan> {
  return { keyId, resources: await readEach(org, await listAll(org, options.signal), options) };
}

/**
 * The check after a change: the resources it touched, read again, and every resource created
 * since `before` was read (a live key may have made one). A resource that existed then
 * without naming the key is not read again: only someone granting the key access during
 * the operation could change it, and reading the whole organization twice costs what the
 * first scan did (an organization of 10,000 resources, a key owning 50).
 */
export async function recheck(org: ScanClient, before: ResourceScan, touched: readonly ScannedResource[], options: ScanOptions): Promise<ResourceScan> {
  const known = new Set(before.resources.map(resourceKey));
  const again = new Set(touched.map(resourceKey));
  const listed = (await listAll(org, options.signal)).filter((resource) => again.has(resourceKey(resource)) || !known.has(resourceKey(resource)));
  return { keyId: before.keyId, resources: await readEach(org, listed, options) };
}

/** A resource's identity across scans. */
export const resourceKey = (resource: { kind: string; id: string }): string => `${resource.kind}:${resource.id}`;

const names = (resource: ScannedResource, principal: string): boolean => resource.entries.some((entry) => entry.principal === principal);
const owns = (resource: ScannedResource, principal: string): boolean =>
  resource.entries.some((entry) => entry.principal === principal && entry.permissions.includes('OWNER'));

/** The resources on which the key holds OWNER. */
export const ownedBy = (scan: ResourceScan): ScannedResource[] => scan.resources.filter((resource) => owns(resource, scan.keyId));
/** The resources with an entry naming the key, whatever it grants. */
export const naming = (scan: ResourceScan): ScannedResource[] => scan.resources.filter((resource) => names(resource, scan.keyId));
/** Whether `principal` holds OWNER on the resource. */
export const isOwner = owns;

/**
 * What the scan found, as the dialog shows it. Owners are named from the members list
 * (the key by its title); a principal that is neither is shown by its id. Layers are not
 * read (null): JMap Cloud's layer list is per project, one more request each.
 */
export function ownedResourcesOf(scan: ResourceScan, context: { keyTitle: string; members: readonly Member[]; language: string }): OwnedResources {
  const memberNames = new Map(context.members.map((member) => [member.id, member.name]));
  const ownersOf = (resource: ScannedResource): Owner[] =>
    resource.entries
      .filter((entry) => entry.permissions.includes('OWNER'))
      .map((entry): Owner => {
        const member = memberNames.get(entry.principal);
        if (member !== undefined) return { id: entry.principal, name: member, type: 'USER' };
        return { id: entry.principal, name: entry.principal === scan.keyId ? context.keyTitle : entry.principal, type: 'API_KEY' };
      });
  const shown = (resource: ScannedResource) => {
    const owners = ownersOf(resource);
    return { id: resource.id, name: pickTranslation(resource.name, context.language), owners, soleOwner: owners.length === 1 };
  };
  const owned = ownedBy(scan);
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, context.language);
  return {
    dataSources: owned.filter((resource) => resource.kind === 'dataSource').map(shown).sort(byName),
    projects: owned.filter((resource) => resource.kind === 'project').map((resource) => ({ ...shown(resource), layers: null })).sort(byName),
    aclEntryCount: naming(scan).length,
  };
}
