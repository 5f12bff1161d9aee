// The tests' own view of the organization: a small REST client of the local organization
// server, independent of the app's services, so that each flow is checked in the server
// after it was done in the UI. It signs in like any admin (authenticate + refresh-token)
// or acts as an API key with the `Api-Key` header.
import {
  apiKeyPageSchema,
  apiKeySchema,
  createdApiKeySchema,
  dataSourceSchema,
  memberSchema,
  ownedResourcesAnswerSchema,
  projectSchema,
  tokenResponseSchema,
  type ApiKey,
  type ApiKeyPage,
  type CreatedApiKey,
  type DataSource,
  type Member,
  type Project,
} from '../../../src/shared/api-types';
import { encodePermissionRemoval, permissionListSchema, type PermissionChanges, type PermissionEntry } from '../../../src/shared/resource-permissions';
import { pickTranslation, type TranslatedName } from '../../../src/shared/translated-name';
import type { ApiKeyRole } from '../../../src/shared/roles';
import { z } from 'zod';

const SECURITY = '/api/ss/rest/v1';

export type ResourceKind = 'datasources' | 'projects';

/** A project as the tests read it: its English name, and every translation in `names`. */
export type TestProject = Omit<Project, 'name'> & { name: string; names: TranslatedName };
const testProject = (project: Project): TestProject => ({ ...project, name: pickTranslation(project.name, 'en'), names: project.name });

/** An HTTP answer the test did not expect; carries the status and the server's error code. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Credentials = { kind: 'bearer'; token: string } | { kind: 'api-key'; secret: string };

async function request(baseUrl: string, credentials: Credentials | null, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (credentials?.kind === 'bearer') headers.Authorization = `Bearer ${credentials.token}`;
  if (credentials?.kind === 'api-key') headers['Api-Key'] = credentials.secret;
  return fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function json<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) {
    let code = 'UNKNOWN';
    try {
      code = (JSON.parse(text) as { code?: string }).code ?? code;
    } catch {
      // Not JSON: keep UNKNOWN.
    }
    // Only the status and code: a body might echo something secret.
    throw new RestError(response.status, code, `${what}: HTTP ${response.status} ${code}`);
  }
  // Every success is wrapped as JMap Cloud wraps it: {message, result}.
  const wrapper = JSON.parse(text) as { message?: unknown; result?: unknown };
  if (typeof wrapper.message !== 'string' || !('result' in wrapper)) throw new Error(`${what}: the answer is not wrapped as {message, result}`);
  return schema.parse(wrapper.result);
}

/** Acts as an API key: what an application holding the key's secret can do. */
export class ApiKeyClient {
  constructor(
    private readonly baseUrl: string,
    private readonly organizationId: string,
    private readonly secret: string,
  ) {}

  private mcs(path: string): string {
    return `/api/mcs/rest/v1/organizations/${this.organizationId}${path}`;
  }

  /** The HTTP status of a read with this key (200 when it authenticates, 401 when not). */
  async status(): Promise<number> {
    const response = await request(this.baseUrl, { kind: 'api-key', secret: this.secret }, 'GET', this.mcs('/projects'));
    await response.body?.cancel();
    return response.status;
  }

  async createDataSource(name: string): Promise<DataSource> {
    const response = await request(this.baseUrl, { kind: 'api-key', secret: this.secret }, 'POST', this.mcs('/datasources'), { name });
    return json(response, dataSourceSchema, `create data source ${name}`);
  }

  async createProject(name: TranslatedName, layers: { name: string; dataSourceId: string }[] = []): Promise<TestProject> {
    const response = await request(this.baseUrl, { kind: 'api-key', secret: this.secret }, 'POST', this.mcs('/projects'), { name, layers });
    return testProject(await json(response, projectSchema, 'create project'));
  }
}

/** Acts as an organization administrator. */
export class AdminClient {
  private constructor(
    readonly baseUrl: string,
    readonly organizationId: string,
    private readonly accessToken: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string, organizationId: string): Promise<AdminClient> {
    const first = await json(
      await request(baseUrl, null, 'POST', `${SECURITY}/authenticate`, { username, password }),
      tokenResponseSchema,
      'authenticate',
    );
    const scoped = await json(
      await request(baseUrl, null, 'POST', `${SECURITY}/refresh-token`, { refreshToken: first.refreshToken, organizationId }),
      tokenResponseSchema,
      'refresh-token',
    );
    return new AdminClient(baseUrl, organizationId, scoped.accessToken);
  }

  /** The HTTP status of `POST /authenticate` with these credentials (no token kept). */
  static async authenticateStatus(baseUrl: string, username: string, password: string): Promise<number> {
    const response = await request(baseUrl, null, 'POST', `${SECURITY}/authenticate`, { username, password });
    await response.body?.cancel();
    return response.status;
  }

  private get auth(): Credentials {
    return { kind: 'bearer', token: this.accessToken };
  }

  private keys(path = ''): string {
    return `${SECURITY}/organizations/${this.organizationId}/api-keys${path}`;
  }

  private mcs(path: string): string {
    return `/api/mcs/rest/v1/organizations/${this.organizationId}${path}`;
  }

  asApiKey(secret: string): ApiKeyClient {
    return new ApiKeyClient(this.baseUrl, this.organizationId, secret);
  }

  async listKeys(query: Record<string, string | number> = {}): Promise<ApiKeyPage> {
    const params = new URLSearchParams(Object.entries({ size: 1000, ...query }).map(([name, value]): [string, string] => [name, String(value)]));
    return json(await request(this.baseUrl, this.auth, 'GET', `${this.keys()}?${params.toString()}`), apiKeyPageSchema, 'list API keys');
  }

  /** The key, or null when the server answers 404. */
  async findKey(id: string): Promise<ApiKey | null> {
    const response = await request(this.baseUrl, this.auth, 'GET', this.keys(`/${id}`));
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    return json(response, apiKeySchema, `get API key ${id}`);
  }

  /** The keys with this title, found without the server's search (JMap Cloud's list has none). */
  async keysTitled(title: string): Promise<ApiKey[]> {
    return (await this.listKeys()).content.filter((key) => key.title === title);
  }

  async keyByTitle(title: string): Promise<ApiKey> {
    const [found] = await this.keysTitled(title);
    if (!found) throw new Error(`No API key titled "${title}" in the server.`);
    return found;
  }

  async createKey(title: string, role: ApiKeyRole, expirationDate: string): Promise<CreatedApiKey> {
    const response = await request(this.baseUrl, this.auth, 'POST', this.keys(), { title, role, expirationDate });
    return json(response, createdApiKeySchema, `create API key ${title}`);
  }

  async deleteKey(id: string, options: { transferTo?: string; deleteResources?: boolean } = {}): Promise<void> {
    const params = new URLSearchParams();
    if (options.transferTo) params.set('transferTo', options.transferTo);
    if (options.deleteResources) params.set('deleteResources', 'true');
    const query = params.size > 0 ? `?${params.toString()}` : '';
    const response = await request(this.baseUrl, this.auth, 'DELETE', this.keys(`/${id}${query}`));
    // JMap Cloud's delete (the strict profile) answers 204 without a body.
    if (response.status === 204) return;
    await json(response, z.unknown(), `delete API key ${id}`);
  }

  /** The default profile's extension: what the key owns, in one request. */
  async ownedResources(keyId: string) {
    return json(await request(this.baseUrl, this.auth, 'GET', this.keys(`/${keyId}/owned-resources`)), ownedResourcesAnswerSchema, 'owned resources');
  }

  async members(role?: 'ORG_EDITOR'): Promise<Member[]> {
    const query = role ? `?role=${role}` : '';
    const path = `${SECURITY}/organizations/${this.organizationId}/members${query}`;
    return json(await request(this.baseUrl, this.auth, 'GET', path), z.array(memberSchema), 'members');
  }

  async dataSources(): Promise<DataSource[]> {
    return json(await request(this.baseUrl, this.auth, 'GET', this.mcs('/datasources')), z.array(dataSourceSchema), 'data sources');
  }

  async projects(): Promise<TestProject[]> {
    return (await json(await request(this.baseUrl, this.auth, 'GET', this.mcs('/projects')), z.array(projectSchema), 'projects')).map(testProject);
  }

  async permissions(kind: ResourceKind, id: string): Promise<PermissionEntry[]> {
    const response = await request(this.baseUrl, this.auth, 'GET', this.mcs(`/${kind}/${id}/permissions`));
    return json(response, permissionListSchema, `${kind} ${id} permissions`);
  }

  /** POST: new entries. */
  async addPermissions(kind: ResourceKind, id: string, entries: PermissionChanges): Promise<void> {
    await json(await request(this.baseUrl, this.auth, 'POST', this.mcs(`/${kind}/${id}/permissions`), entries), z.unknown(), `${kind} ${id} permissions`);
  }

  /** PUT: new permissions for existing entries. */
  async updatePermissions(kind: ResourceKind, id: string, entries: PermissionChanges): Promise<void> {
    await json(await request(this.baseUrl, this.auth, 'PUT', this.mcs(`/${kind}/${id}/permissions`), entries), z.unknown(), `${kind} ${id} permissions`);
  }

  /** DELETE: the entries of these principals. */
  async removePermissions(kind: ResourceKind, id: string, principals: string[]): Promise<void> {
    const query = new URLSearchParams(encodePermissionRemoval(principals)).toString();
    await json(await request(this.baseUrl, this.auth, 'DELETE', this.mcs(`/${kind}/${id}/permissions?${query}`)), z.unknown(), `${kind} ${id} permissions`);
  }
}
