// What main alone decides about the local organization server's utility process: where
// its database lives, the demo password of this run, and keeping that password out of the
// log. The wire itself (arguments, environment, messages) is src/shared/utility-process-protocol.ts.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export function localOrganizationDbPath(userDataDir: string): string {
  return join(userDataDir, 'local-organization', 'organization.db');
}

/** A fresh demo password per app run, held in memory only (this is the local demo organization). */
export function generateDemoPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Removes the password from whatever the child writes to stderr before it reaches a log. */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}
