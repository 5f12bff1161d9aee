// The conversation with the local organization server's utility process, as pure data:
// the arguments it is started with and the one message it answers with. Validated,
// because a message crossing a process boundary is input like any other.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { DEMO_PASSWORD_ENV } from '../server/cli-flags';

export const listeningMessageSchema = z.object({
  type: z.literal('listening'),
  url: z.url({ protocol: /^http$/, hostname: /^127\.0\.0\.1$/ }),
  demo: z.object({ adminEmail: z.string().min(1), adminPassword: z.string().min(1), organizationId: z.string().min(1) }).nullable(),
});
export type ListeningMessage = z.infer<typeof listeningMessageSchema>;
/** A bad flag or a failed start (port, database). */
export const errorMessageSchema = z.object({ type: z.literal('error'), message: z.string() });

export function localOrganizationDbPath(userDataDir: string): string {
  return join(userDataDir, 'local-organization', 'organization.db');
}

/** A fresh demo password per app run, held in memory only (this is the local demo organization). */
export function generateDemoPassword(): string {
  return randomBytes(18).toString('base64url');
}

export function utilityProcessArgs(options: { dbPath: string }): string[] {
  return ['--host', '127.0.0.1', '--port', '0', '--db', options.dbPath, '--seed', 'demo'];
}

/**
 * The demo password travels in the child's environment, not its command line: any local
 * user can read a process's arguments (`ps`), only its owner its environment.
 */
export function utilityProcessEnv(options: { adminPassword: string }, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, [DEMO_PASSWORD_ENV]: options.adminPassword };
}

/** Removes the password from whatever the child writes to stderr before it reaches a log. */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}
