// A deliberately tiny router: exact segments and `:name` parameters, one handler per
// method and pattern. Every parameter is an id, so it is checked to be a UUID here and a
// malformed one is a 400 before any handler or query sees it.
import type { IncomingMessage } from 'node:http';
import type { RestRoute, RouteParamNames } from '../../shared/rest-routes';
import { HttpError } from './http-error';

export interface RequestContext<Param extends string = string> {
  readonly req: IncomingMessage;
  readonly params: Readonly<Record<Param, string>>;
  readonly query: URLSearchParams;
  /** The raw body, already read with the size cap (empty for GET/DELETE). */
  readonly rawBody: Buffer;
}

export interface Reply {
  readonly status: number;
  /** A success's payload, sent wrapped as `{message, result}` (src/shared/rest-envelope.ts); an error's body as it is. */
  readonly body?: unknown;
  /** The `message` beside a success's result (default: a sentence for its status). */
  readonly message?: string;
  /** Sent as an HTML page instead (the identity provider's sign-in page). */
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler<Param extends string = string> = (ctx: RequestContext<Param>) => Reply | Promise<Reply>;

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint as the router serves it: a method and a shared route's pattern. */
export interface Endpoint {
  readonly method: RouteMethod;
  readonly pattern: string;
}

interface Route extends Endpoint {
  readonly segments: readonly string[];
  readonly handler: Handler;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Router {
  private readonly routes: Route[] = [];

  /** Routes `method` on one of the shared REST routes (src/shared/rest-routes.ts). */
  add<P extends string>(method: RouteMethod, route: RestRoute<P>, handler: Handler<RouteParamNames<P>>): this {
    this.routes.push({ method, pattern: route.pattern, segments: route.pattern.split('/').filter(Boolean), handler: handler as Handler });
    return this;
  }

  /** Every endpoint routed, in the order added (tooling and the hostile suite read it). */
  endpoints(): Endpoint[] {
    return this.routes.map(({ method, pattern }) => ({ method, pattern }));
  }

  /** The handler and parameters for a request, or a 404/405 HttpError. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    const segments = pathname.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      for (const [name, value] of Object.entries(params)) {
        if (!UUID.test(value)) {
          throw new HttpError(400, 'INVALID_ID', `"${value}" is not a valid id for ${name}: ids are UUIDs.`, { parameter: name });
        }
      }
      return { handler: route.handler, params };
    }
    if (pathMatched) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${pathname}.`);
    throw new HttpError(404, 'ROUTE_NOT_FOUND', `There is no endpoint at ${pathname}.`);
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const value = actual[index] ?? '';
    if (part.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return null;
      }
      params[part.slice(1)] = decoded;
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}
