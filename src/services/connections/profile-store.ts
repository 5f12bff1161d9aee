// Saved connections (profiles.json in the user-data folder): label, server, organization,
// username. Never a password or a token: those live in the keychain, or nowhere.
import { join } from 'node:path';
import { z } from 'zod';
import { connectionProfileSchema, type ConnectionProfile } from '../../shared/session';
import { cacheJsonFile } from '../files/cached-json-file';
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
  /** The saved connection of this user on this server signing in this way, if any. */
  find(serverUrl: string, username: string, method: 'password' | 'sso'): Promise<ConnectionProfile | null>;
  save(profile: ConnectionProfile): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** Resolves once every change asked for so far is on disk (the services wait for it at shutdown). */
  settled(): Promise<void>;
  readonly recovery: JsonFileRecovery | null;
}

export function createProfileStore(options: { userDataDir: string; now?: () => Date; log?: Logger }): ProfileStore {
  const file = cacheJsonFile(
    createJsonFile<ProfilesFile>({
      path: join(options.userDataDir, PROFILES_FILE),
      schema: profilesFileSchema,
      defaults: () => ({ version: 1, connections: [] }),
      now: options.now,
      log: options.log,
    }),
  );
  const load = file.get;
  const sameUser = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

  return {
    get recovery() {
      return file.recovery;
    },
    settled: file.settled,
    list: async () => [...(await load()).connections],
    get: async (id) => (await load()).connections.find((profile) => profile.id === id) ?? null,
    find: async (serverUrl, username, method) =>
      (await load()).connections.find(
        (profile) =>
          profile.serverUrl === serverUrl && sameUser(profile.username, username) && (profile.identityProvider !== undefined) === (method === 'sso'),
      ) ?? null,
    save: (profile) =>
      file.change((data) => {
        const valid = connectionProfileSchema.parse(profile);
        const known = data.connections.some((existing) => existing.id === valid.id);
        const connections = known
          ? data.connections.map((existing) => (existing.id === valid.id ? valid : existing))
          : [...data.connections, valid];
        return { next: { version: 1, connections }, result: undefined };
      }),
    remove: (id) =>
      file.change((data) => {
        const others = data.connections.filter((existing) => existing.id !== id);
        if (others.length === data.connections.length) return { next: null, result: false };
        return { next: { version: 1, connections: others }, result: true };
      }),
  };
}
