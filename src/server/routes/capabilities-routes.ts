// The capabilities document: what this server offers beyond JMap Cloud's public API
// (src/shared/server-capabilities.ts). Public, like a well-known document: it names
// features, nothing of anyone's. Under the strict profile it does not exist (404), as on
// JMap Cloud.
import { z } from 'zod';
import { restRoutes } from '../../shared/rest-routes';
import { localServerCapabilities, type ServerCapabilitiesDocument } from '../../shared/server-capabilities';
import { parseQuery } from '../http/query';
import type { Router } from '../http/router';
import type { ServerContext } from '../server-context';

export function registerCapabilitiesRoutes(router: Router, ctx: ServerContext): void {
  const document: ServerCapabilitiesDocument | null = localServerCapabilities(ctx.profile);
  if (document === null) return;
  router.add('GET', restRoutes.capabilities, ({ query }) => {
    parseQuery(query, z.strictObject({}));
    return { status: 200, body: document, message: 'The result is what this server offers beyond JMap Cloud' };
  });
}
