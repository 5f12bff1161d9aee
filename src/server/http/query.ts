// Query strings validated like bodies: unknown parameters and repeats are refused (400),
// except `apiKey`, which is a credential and is read by authentication instead.
import type { z } from 'zod';
import { HttpError } from './http-error';
import { validate } from './read-body';

export function parseQuery<S extends z.ZodType>(query: URLSearchParams, schema: S): z.output<S> {
  const values: Record<string, string> = {};
  for (const [name, value] of query) {
    if (name === 'apiKey') continue;
    if (name in values) {
      throw new HttpError(400, 'INVALID_QUERY_PARAMETER', `The query parameter "${name}" is given more than once.`, { parameter: name });
    }
    values[name] = value;
  }
  return validate(schema, values, 'query');
}
