// Map configuration service: data sources and projects with layers, so that keys really
// come to own things (their permission entries: permission-routes.ts). Reading needs
// ORG_VIEWER, creating ORG_EDITOR; users and API keys alike may call these.
import { z } from 'zod';
import { restRoutes } from '../../shared/rest-routes';
import { languageKeySchema } from '../../shared/translated-name';
import { authenticate, requireOrganizationRole, type Principal } from '../auth/principal';
import { inTransaction } from '../db/database';
import { HttpError, notFound } from '../http/http-error';
import { parseQuery } from '../http/query';
import { parseJsonBody } from '../http/read-body';
import type { RequestContext, Router } from '../http/router';
import type { ServerContext } from '../server-context';
import { existingDataSourceIds, insertDataSource, insertProject, listDataSources, listProjects } from '../store/resource-store';

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const nameSchema = z
  .string()
  .trim()
  .min(1, 'The name is required.')
  .max(200, 'The name must be at most 200 characters.')
  .refine((name) => !CONTROL_CHARACTERS.test(name), 'The name must not contain control characters.');
const dataSourceBody = z.strictObject({ name: nameSchema });
/** A project's name: one string, or one per language as JMap Cloud names projects ({"en": …, "fr": …}). */
const projectNameSchema = z.union([
  nameSchema,
  z
    .record(languageKeySchema, nameSchema)
    .refine((names) => Object.keys(names).length > 0, 'The name needs at least one language.')
    .refine((names) => Object.keys(names).length <= 20, 'The name can have at most 20 languages.'),
]);
const projectBody = z.strictObject({
  name: projectNameSchema,
  layers: z.array(z.strictObject({ name: nameSchema, dataSourceId: z.uuid('dataSourceId must be a data source id (a UUID).') })).max(500).default([]),
});
const noQuery = z.strictObject({});

export function registerMcsRoutes(router: Router, ctx: ServerContext): void {
  const { db } = ctx;
  const caller = async ({ req, query, params }: RequestContext<'orgId'>, role: 'ORG_VIEWER' | 'ORG_EDITOR'): Promise<{ principal: Principal; orgId: string }> => {
    const principal = await authenticate(ctx, req, query);
    const { orgId } = params;
    requireOrganizationRole(principal, orgId, role, { allowApiKey: true });
    parseQuery(query, noQuery);
    return { principal, orgId };
  };

  // `owners` is the local server's own: the strict profile answers without it, as JMap Cloud.
  const shown = <T extends { owners: unknown }>(resource: T): T | Omit<T, 'owners'> => {
    if (ctx.profile !== 'jmapcloud') return resource;
    const { owners: _owners, ...rest } = resource;
    return rest;
  };

  router.add('GET', restRoutes.dataSources, async (request) => ({
    status: 200,
    body: listDataSources(db, (await caller(request, 'ORG_VIEWER')).orgId).map(shown),
  }));
  router.add('GET', restRoutes.projects, async (request) => ({
    status: 200,
    body: listProjects(db, (await caller(request, 'ORG_VIEWER')).orgId).map(shown),
  }));

  router.add('GET', restRoutes.dataSource, async (request) => {
    const { orgId } = await caller(request, 'ORG_VIEWER');
    const { id } = request.params;
    const [found] = listDataSources(db, orgId, id);
    if (!found) throw notFound('data source', id);
    return { status: 200, body: shown(found) };
  });
  router.add('GET', restRoutes.project, async (request) => {
    const { orgId } = await caller(request, 'ORG_VIEWER');
    const { id } = request.params;
    const [found] = listProjects(db, orgId, id);
    if (!found) throw notFound('project', id);
    return { status: 200, body: shown(found) };
  });

  router.add('POST', restRoutes.dataSources, async (request) => {
    const { principal, orgId } = await caller(request, 'ORG_EDITOR');
    const { name } = parseJsonBody(request.req, request.rawBody, dataSourceBody);
    const id = inTransaction(db, () => insertDataSource(db, orgId, name, principal, ctx.now()));
    return { status: 201, body: listDataSources(db, orgId, id).map(shown)[0] };
  });
  router.add('POST', restRoutes.projects, async (request) => {
    const { principal, orgId } = await caller(request, 'ORG_EDITOR');
    const body = parseJsonBody(request.req, request.rawBody, projectBody);
    const wanted = [...new Set(body.layers.map((layer) => layer.dataSourceId))];
    const found = existingDataSourceIds(db, orgId, wanted);
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new HttpError(400, 'UNKNOWN_DATA_SOURCE', `No data source with id ${missing.join(', ')} exists in this organization.`, {
        dataSourceIds: missing,
      });
    }
    const id = inTransaction(db, () => insertProject(db, orgId, body, principal, ctx.now()));
    return { status: 201, body: listProjects(db, orgId, id).map(shown)[0] };
  });
}
