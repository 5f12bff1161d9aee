// Reads and validates a JSON request body: size-capped, JSON only, checked against a zod
// schema, so that every bad body is a 4xx with a specific code and never reaches a handler.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { HttpError } from './http-error';

export const MAX_BODY_BYTES = 64 * 1024;

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`, {
    maxBytes: MAX_BODY_BYTES,
  });
}

export function parseJsonBody<S extends z.ZodType>(req: IncomingMessage, raw: Buffer, schema: S): z.output<S> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (raw.length === 0) throw new HttpError(400, 'BODY_REQUIRED', 'This request needs a JSON body.');
  if (contentType !== 'application/json') {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON, sent with Content-Type: application/json.');
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  return validate(schema, value, 'body');
}

/**
 * An HTML form's or an OAuth client's body (application/x-www-form-urlencoded), as
 * URLSearchParams: the caller checks each parameter (OAuth refuses a repeated one).
 */
export function parseFormBody(req: IncomingMessage, raw: Buffer): URLSearchParams {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(raw.toString('utf8'));
}

/** Validates `value` or throws a 400 VALIDATION_FAILED listing each problem with its path. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}.` : issue.message,
  }));
  const first = issues[0];
  const field = first && first.path !== '' ? `${first.path}: ` : '';
  throw new HttpError(
    400,
    where === 'body' ? 'VALIDATION_FAILED' : 'INVALID_QUERY_PARAMETER',
    `The request ${where === 'body' ? 'body' : 'query'} is not valid. ${field}${first?.message ?? ''}`.trim(),
    { issues },
  );
}
