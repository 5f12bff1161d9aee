// Saved connections (profiles.json in the user-data folder): label, server, organization,
// username. Never a password or a token: those live in the keychain, or nowhere.
import { join } from 'node:path';
import { z } from 'zod';
import { connectionProfileSchema, type ConnectionProfile } from '../../shared/session';
import { createJsonFile, type JsonFileRecovery } from '../files/json-file';
import type { Logger } from '../logger';

export const PROFILES_FILE = 'profiles.json';

const profilesFileSchema = z.strictObject({
  version: z.literal(1),
  connections: z.array(connectionProfileSchema),
});
type ProfilesFile = z.infer<typeof profilesFileSchema>;

export interface ProfileStore {
  list(): Promise<ConnectionProfile[]>;
  get(id: string): Promise<ConnectionProfile | null>;
  /** The saved connection of this user on this server, if any. */
  find(serverUrl: string, username: string): Promise<ConnectionProfile | null>;
  save(profile: ConnectionProfile): Promise<void>;
  remove(id: string): Promise<boolean>;
  readonly recovery: JsonFileRecovery | null;
}

export function createProfileStore(options: { userDataDir: string; now?: () => Date; log?: Logger }): ProfileStore {
  const file = createJsonFile<ProfilesFile>({
    path: join(options.userDataDir, PROFILES_FILE),
    schema: profilesFileSchema,
    defaults: () => ({ version: 1, connections: [] }),
    now: options.now,
    log: options.log,
  });
  // The read itself is cached, not only its result: two first calls at once (the app asks
  // for connections and file recoveries together) must not both find a corrupt file and
  // both try to move it aside.
  let cache: Promise<ProfilesFile> | undefined;
  // Changes are read-modify-write: one at a time, so that none is lost.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<ProfilesFile> {
    cache ??= file.read().catch((error: unknown) => {
      // A failed read (permissions, disk) is not cached: the next call tries again.
      cache = undefined;
      throw error;
    });
    return cache;
  }

  function change<T>(work: (data: ProfilesFile) => { next: ProfilesFile | null; result: T }): Promise<T> {
    const run = queue.then(async () => {
      const { next, result } = work(await load());
      if (next) {
        await file.write(next);
        cache = Promise.resolve(next);
      }
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const sameUser = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

  return {
    get recovery() {
      return file.recovery;
    },
    list: async () => [...(await load()).connections],
    get: async (id) => (await load()).connections.find((profile) => profile.id === id) ?? null,
    find: async (serverUrl, username) =>
      (await load()).connections.find(
        (profile) => profile.serverUrl === serverUrl && sameUser(profile.username, username),
      ) ?? null,
    save: (profile) =>
      change((data) => {
        const valid = connectionProfileSchema.parse(profile);
        const known = data.connections.some((existing) => existing.id === valid.id);
        const connections = known
          ? data.connections.map((existing) => (existing.id === valid.id ? valid : existing))
          : [...data.connections, valid];
        return { next: { version: 1, connections }, result: undefined };
      }),
    remove: (id) =>
      change((data) => {
        const others = data.connections.filter((existing) => existing.id !== id);
        if (others.length === data.connections.length) return { next: null, result: false };
        return { next: { version: 1, connections: others }, result: true };
      }),
  };
}
