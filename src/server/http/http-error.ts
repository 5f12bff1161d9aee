// The one way a handler fails: a status, a specific code a client can act on, and a
// sentence a person understands. Serialized as {status, code, message, details?}.
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api-types';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { status: this.status, code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export const notFound = (what: string, id: string): HttpError =>
  new HttpError(404, 'NOT_FOUND', `No ${what} with id ${id} exists in this organization.`, { id });
