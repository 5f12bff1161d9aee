// Raw HTTP for the attacks: node:http lets a request use any method, any header, any bytes
// as body and any local address, which fetch does not. Every request has a deadline: an
// answer that does not come is a hang, and a hang fails the suite.
import { request as httpRequest } from 'node:http';

export const REQUEST_DEADLINE_MS = 15_000;

export interface RawRequest {
  method: string;
  /** Path and query, already encoded as they go on the wire. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  localAddress?: string;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export function send(baseUrl: string, raw: RawRequest): Promise<RawAnswer> {
  // A declared length: without one, node:http frames the body of a POST as chunks but sends
  // the body of a GET or DELETE unframed, which the server reads as a second request.
  const headers = raw.body === undefined ? raw.headers : { 'Content-Length': String(Buffer.byteLength(raw.body)), ...raw.headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      baseUrl + raw.path,
      { method: raw.method, headers, localAddress: raw.localAddress, signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
        });
      },
    );
    req.on('error', (error) => reject(new Error(`${raw.method} ${raw.path.slice(0, 120)}: ${error.message}`)));
    req.end(raw.body);
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
