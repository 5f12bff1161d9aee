// The one contract between the renderer and the services: method name → zod schema of
// its single argument → type of its result. The main process (ipcMain.handle), the
// preload (window.keydesk) and the web preview's HTTP bridge are all derived from it.
import { z } from 'zod';
import { apiKeyListFiltersSchema, MAX_FILTER_TEXT_LENGTH } from './api-key-list-query';
import {
  API_KEY_SORT_FIELDS,
  apiKeyTitleSchema,
  hasControlCharacters,
  hasHalfSurrogate,
  type ApiKey,
  type ApiKeyListResult,
  type DeleteApiKeyResult,
  type Member,
  type OwnedResources,
} from './api-types';
import { activityQuerySchema, type ActivityPage } from './activity-log';
import { changesSomething, editApiKeyChanges, expirationInputSchema, NOTHING_TO_CHANGE } from './api-key-edit';
import { bulkDeleteIdRequestSchema, startBulkDeleteRequestSchema, type BulkDeleteStatus } from './bulk-delete';
import { finishRotationRequestSchema, rotationIdRequestSchema, type RotationProgress, type RotationRecord } from './key-rotation';
import type { DeleteProgress } from './delete-progress';
import { MAX_PAGE_INDEX } from './api-key-list-query';
import type { Result } from './errors';
import type { ExpiryStatus } from './expiry-watch';
import { resourcesFateSchema } from './resources-fate';
import { apiKeyRoleSchema } from './roles';
import { identityProviderConfigSchema } from './identity-provider';
import { MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH, serverUrlSchema, type ConnectionProfile, type SessionInfo, type SignInOutcome, type SsoStep } from './session';
import { settingsPatchSchema, type Settings } from './settings';

/** Every channel is `keydesk:<method>`; the preload and main refuse any other. */
export const CHANNEL_PREFIX = 'keydesk:';
/** Main → renderer notifications (menu commands, and a click on an expiry notification). */
export const MENU_COMMAND_CHANNEL = 'keydesk-event:menu-command';
export const MENU_COMMANDS = [
  'new-api-key',
  'refresh',
  'switch-organization',
  'sign-out',
  'about',
  'check-for-updates',
  'show-expiring-keys',
  'show-expired-keys',
  /** A click on the reminder that a rotation's overlap has ended: the renderer offers the old key's delete. */
  'show-ended-overlaps',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

const none = z.undefined();
// Half of a UTF-16 surrogate pair cannot go into a URL (encodeURIComponent throws): an id
// holding one is refused here, as an invalid argument, rather than failing in the client.
const id = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => !hasHalfSurrogate(value), 'must be well-formed text (it holds half of a surrogate pair).');
const byId = z.strictObject({ id });

/** Declares a method: its request schema, and (as a type only) its result. */
function method<Response>() {
  return <Request extends z.ZodType>(request: Request) => ({ request, response: undefined as unknown as Response });
}

/** The grid's query: its page and sort, and the list's filters (api-key-list-query.ts), all combined. */
export const apiKeyQuerySchema = z.strictObject({
  /** 0-based page index. */
  page: z.number().int().min(0).max(MAX_PAGE_INDEX).default(0),
  pageSize: z.number().int().min(1).max(100).default(100),
  sortField: z.enum(API_KEY_SORT_FIELDS).default('creationDate'),
  sortDirection: z.enum(['asc', 'desc']).default('desc'),
  ...apiKeyListFiltersSchema.shape,
  search: z
    .string()
    .trim()
    .max(MAX_FILTER_TEXT_LENGTH)
    .refine((text) => !hasControlCharacters(text), 'The search must not contain control characters.')
    .optional(),
  /** Fetch anew what the services keep to filter where the server does not (Refresh, Retry). */
  refresh: z.boolean().optional(),
});
export type ApiKeyQuery = z.input<typeof apiKeyQuerySchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export type CopyResult = { clearsAfterSeconds: number | null };
/** A settings or connections file that could not be read, moved aside so KeyDesk could start. */
export type FileRecovery = { file: 'connections' | 'settings'; movedTo: string; reason: 'unparseable' | 'invalid' };
/** Why a check for updates could not tell (the renderer has a sentence for each). */
export const UPDATE_FAILURES = ['unknown', 'no-release', 'unreadable', 'signature', 'certificate', 'network', 'access-refused', 'server-failed', 'http'] as const;
export type UpdateFailure = (typeof UPDATE_FAILURES)[number];
/** What a check for updates found, in codes and values: the renderer says it in the user's language. */
export type UpdateCheck =
  | { status: 'unsupported'; reason: 'not-packaged' | 'updater-inactive' }
  | { status: 'up-to-date'; currentVersion: string }
  /** `currentVersion` when the check just found it; `downloaded` once it waits for the quit. */
  | { status: 'available'; version: string; currentVersion: string | null; downloaded: boolean }
  /** `code` is the updater's or the network's error code (safe to show); `httpStatus` for 'http' and friends. */
  | { status: 'error'; reason: UpdateFailure; code: string | null; httpStatus: number | null };

export const ipcContract = {
  getAppInfo: method<AppInfo>()(none),

  // Settings (theme, language, clipboard delay, updates)
  getSettings: method<Settings>()(none),
  updateSettings: method<Settings>()(settingsPatchSchema),
  /** Files found unreadable at start and kept aside, for the user to be told once. */
  listFileRecoveries: method<FileRecovery[]>()(none),

  // Connections and session
  listConnections: method<ConnectionProfile[]>()(none),
  removeConnection: method<null>()(byId),
  getSession: method<SessionInfo | null>()(none),
  signIn: method<SignInOutcome>()(
    z.strictObject({
      serverUrl: serverUrlSchema,
      username: z.string().trim().min(1, 'Enter your email.').max(MAX_USERNAME_LENGTH),
      password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
      remember: z.boolean(),
    }),
  ),
  /** After a sign-in that answered `choose-organization`. */
  selectOrganization: method<SessionInfo>()(z.strictObject({ organizationId: id })),
  /** Reconnects a saved connection with its refresh token from the keychain. */
  connectSaved: method<SessionInfo>()(byId),
  openLocalOrganization: method<SessionInfo>()(none),
  /**
   * Single sign-on in the system browser: a new connection (server and identity provider),
   * or a saved one by id (optionally for one of its organizations). Answers once the
   * browser is open; `continueSsoSignIn` then waits for it to come back.
   */
  startSsoSignIn: method<SsoStep>()(
    z.union([
      z.strictObject({ serverUrl: serverUrlSchema, identityProvider: identityProviderConfigSchema, remember: z.boolean() }),
      z.strictObject({ connectionId: id, organizationId: id.optional(), remember: z.boolean() }),
    ]),
  ),
  /** Waits for the browser (until the sign-in's timeout), then says what comes next. */
  continueSsoSignIn: method<SsoStep>()(none),
  /** After `choose-organization`: a token scoped to that organization (silently where the provider allows). */
  chooseSsoOrganization: method<SsoStep>()(z.strictObject({ organizationId: id })),
  /** "Cancel" while the browser is open: the loopback listener closes, nothing is kept. */
  cancelSsoSignIn: method<null>()(none),
  /** A switch that needs no browser; SSO_REFUSED `browser-needed` for a provider that scopes only through /authorize (Auth0). */
  switchOrganization: method<SessionInfo>()(z.strictObject({ organizationId: id })),
  /**
   * The switcher's switch: `signed-in` at once where no browser is needed; else the browser
   * is open for the organization (`waiting-for-browser`), and continueSsoSignIn /
   * cancelSsoSignIn follow it as for a sign-in. Whatever fails, the session stays where it was.
   */
  startOrganizationSwitch: method<SsoStep>()(z.strictObject({ organizationId: id })),
  signOut: method<null>()(none),

  // API keys
  /** Rows the client could not read are left out and counted in `unreadableRows`. */
  listApiKeys: method<ApiKeyListResult>()(apiKeyQuerySchema),
  getApiKey: method<ApiKey>()(byId),
  createApiKey: method<{ apiKey: ApiKey; secret: string }>()(
    z.strictObject({
      title: apiKeyTitleSchema,
      role: apiKeyRoleSchema,
      /** ISO date-time, or `YYYY-MM-DD` meaning the end of that day (UTC). */
      expirationDate: z.string().min(10).max(40),
      /** One per wizard submission, reused on its retries. */
      idempotencyKey: z.uuid(),
    }),
  ),
  /**
   * A new title and/or expiration, the same secret: only where the server offers it
   * (`capabilities.apiKeyEdit`); elsewhere UNSUPPORTED (reason key-edit-unsupported).
   */
  editApiKey: method<ApiKey>()(z.strictObject({ id, ...editApiKeyChanges }).refine(changesSomething, { message: NOTHING_TO_CHANGE, path: ['title'] })),
  /** The wizard closed: main drops the secret it kept for copying. */
  forgetSecret: method<null>()(z.strictObject({ apiKeyId: id })),
  /**
   * What the key owns. On a server without the owned-resources extension (JMap Cloud) this
   * reads every resource's permissions: poll getDeleteProgress meanwhile, cancel with
   * cancelDeleteOperation.
   */
  getOwnedResources: method<OwnedResources>()(byId),
  /** Where the key's guided delete stands (running, or stopped on a failure); null when none. */
  getDeleteProgress: method<DeleteProgress | null>()(z.strictObject({ apiKeyId: id })),
  /** Cancels the key's guided operation if it has changed nothing yet. */
  cancelDeleteOperation: method<{ cancelled: boolean }>()(z.strictObject({ apiKeyId: id })),
  /**
   * `resources` says what happens to what the key owns (ResourcesFate). Without the server's
   * extension it is many requests (see getDeleteProgress); after a failure midway, the same
   * call resumes where it stopped.
   */
  deleteApiKey: method<DeleteApiKeyResult>()(z.strictObject({ id, resources: resourcesFateSchema })),
  listEditorMembers: method<Member[]>()(none),

  // Guided rotation ("Replace key…"): start, grant, finish, each resumable (src/shared/key-rotation.ts)
  /** The new key (the old one's role, the title and expiration given), its secret shown once: copySecret/forgetSecret take its id. */
  startRotation: method<{ rotation: RotationRecord; apiKey: ApiKey; secret: string }>()(
    z.strictObject({ apiKeyId: id, title: apiKeyTitleSchema, expirationDate: expirationInputSchema, idempotencyKey: z.uuid() }),
  ),
  /** The old key's access given to the new key, then checked (long: poll getRotationProgress); asked again, it resumes. */
  grantRotationAccess: method<RotationRecord>()(rotationIdRequestSchema),
  /** The old key deleted now (null: finished), or both kept until a date (the record, stage `overlap`). */
  finishRotation: method<RotationRecord | null>()(finishRotationRequestSchema),
  getRotationProgress: method<RotationProgress | null>()(rotationIdRequestSchema),
  /** Cancels the rotation's step if it has changed nothing yet. */
  cancelRotationOperation: method<{ cancelled: boolean }>()(rotationIdRequestSchema),
  /** The organization's rotations under way (stopped, checked, kept until a date). */
  listRotations: method<RotationRecord[]>()(none),
  /** KeyDesk stops following a rotation; both keys stay as they are. */
  dismissRotation: method<null>()(rotationIdRequestSchema),

  // Bulk delete ("Delete selected…", src/shared/bulk-delete.ts): runs in the background, resumable
  /** Writes the plan (refused while another is unfinished here) and starts it; poll getBulkDelete. */
  startBulkDelete: method<BulkDeleteStatus>()(startBulkDeleteRequestSchema(id)),
  /** The organization's bulk delete (running, stopped to resume, or finished); null when none. */
  getBulkDelete: method<BulkDeleteStatus | null>()(none),
  /** Takes a stopped bulk delete up again (the keys not deleted yet, failed ones included). */
  resumeBulkDelete: method<BulkDeleteStatus>()(bulkDeleteIdRequestSchema),
  /** Stops after the current key (at once while its delete has changed nothing). */
  cancelBulkDelete: method<{ cancelled: boolean }>()(bulkDeleteIdRequestSchema),
  /** KeyDesk forgets a bulk delete that is not running (the keys stay as they are). */
  dismissBulkDelete: method<null>()(bulkDeleteIdRequestSchema),

  // Activity log
  /** The newest entries matching the filters, with every line of the log that could not be read. */
  listActivity: method<ActivityPage>()(activityQuerySchema),

  // Expiry watch
  /** How many of the organization's keys expire within the warning days, and have expired (null without a session). */
  getExpiryStatus: method<ExpiryStatus | null>()(none),

  // Clipboard
  /** Copies the secret of the key just created (kept in main), cleared after a delay. */
  copySecret: method<CopyResult>()(z.strictObject({ apiKeyId: id })),
  copyText: method<CopyResult>()(z.strictObject({ text: z.string().min(1).max(10_000) })),

  // Updates
  checkForUpdates: method<UpdateCheck>()(none),
} as const;

export type IpcContract = typeof ipcContract;
export type IpcMethod = keyof IpcContract;
export type IpcRequest<M extends IpcMethod> = z.input<IpcContract[M]['request']>;
export type IpcParsedRequest<M extends IpcMethod> = z.output<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = IpcContract[M]['response'];
export const IPC_METHODS = Object.keys(ipcContract) as IpcMethod[];

export function channelOf(method: IpcMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

/** `window.keydesk`, the same in Electron (preload) and in the web preview (HTTP bridge). */
export type KeyDeskApi = {
  [M in IpcMethod]: IpcRequest<M> extends undefined
    ? () => Promise<Result<IpcResponse<M>>>
    : (request: IpcRequest<M>) => Promise<Result<IpcResponse<M>>>;
} & {
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** The services behind the contract: one implementation serves Electron, the web preview and tests. */
export type KeyDeskHandlers = {
  [M in IpcMethod]: (request: IpcParsedRequest<M>) => Promise<IpcResponse<M>>;
};

