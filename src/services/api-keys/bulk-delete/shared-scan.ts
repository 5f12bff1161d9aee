// On a server without KeyDesk's extensions, each key's guided delete starts from a reading of
// every resource's permissions. Read once per key, 500 keys would read the organization 500
// times; a bulk delete reads it once and seeds each key's delete with it. After each key,
// the resources that named it (the ones its delete changed) are read again before the next
// key's turn (what was created since, each key's own check reads), and the whole organization again once the reading is as old as the guided
// delete allows its own to be: each key starts from what the server has, as a single delete.
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import { SCAN_LIFETIME_MS } from '../guided-delete/guided-delete';
import { naming, readEach, resourceKey, scanResources, type ResourceScan, type ScanOptions, type ScannedResource } from '../guided-delete/resource-scan';

type ScanClient = Pick<BoundOrganizationClient, 'dataSources' | 'projects' | 'resourcePermissions'>;

export function createSharedScan(options: { org: ScanClient; now: () => number; scanOptions: () => ScanOptions }) {
  let current: { resources: readonly ScannedResource[]; at: number } | null = null;
  /** Resources a key's delete may have changed, read again before the next key. */
  let touched: ScannedResource[] = [];

  async function fresh(): Promise<readonly ScannedResource[]> {
    if (current === null || options.now() - current.at >= SCAN_LIFETIME_MS) {
      const scan = await scanResources(options.org, '', options.scanOptions());
      current = { resources: scan.resources, at: options.now() };
      touched = [];
    } else if (touched.length > 0) {
      // Those read again replace their old reading (or are gone). Resources created since are
      // not listed here: each key's delete reads what is new since this reading in its own check.
      const again = await readEach(options.org, touched, options.scanOptions());
      const reread = new Set(touched.map(resourceKey));
      current = { resources: [...current.resources.filter((resource) => !reread.has(resourceKey(resource))), ...again], at: current.at };
      touched = [];
    }
    return current.resources;
  }

  return {
    /** The organization's resources, as a scan for `keyId` to seed its delete with. */
    async forKey(keyId: string): Promise<ResourceScan> {
      return { keyId, resources: await fresh() };
    },
    /** The key's turn is over (deleted or not): what named it is read again before the next one. */
    done(keyId: string): void {
      if (current === null) return;
      touched.push(...naming({ keyId, resources: current.resources }).filter((resource) => !touched.includes(resource)));
    },
  };
}
