// The conversation between the desktop app's main process and the local organization
// server it runs in an Electron utilityProcess (src/server/utility-process.ts), written
// once for both sides: the arguments and environment it starts with, the one message it
// answers with, and the command it takes. Validated on receipt by both sides, because a
// message crossing a process boundary is input like any other.
import { z } from 'zod';

/**
 * The demo users' password may come from this variable rather than `--admin-password`: a
 * command line is visible to every local user (`ps`), an environment only to the
 * process's owner. The app hands it to the utility process this way; both command lines
 * (`npm run server`, `npm run web`) read it too.
 */
export const DEMO_PASSWORD_ENV = 'KEYDESK_DEMO_PASSWORD';

/** Once listening: where, and the demo administrator when the demo seed is there. */
export const listeningMessageSchema = z.object({
  type: z.literal('listening'),
  url: z.url({ protocol: /^http$/, hostname: /^127\.0\.0\.1$/ }),
  demo: z.object({ adminEmail: z.string().min(1), adminPassword: z.string().min(1), organizationId: z.string().min(1) }).nullable(),
});
export type ListeningMessage = z.infer<typeof listeningMessageSchema>;

/** A bad flag or a failed start (port, database). */
export const errorMessageSchema = z.object({ type: z.literal('error'), message: z.string() });

/** What the utility process posts to the parent. */
export type UtilityProcessMessage = ListeningMessage | z.infer<typeof errorMessageSchema>;

/** What the parent may send: `stop` closes the server cleanly (Windows has no SIGTERM). */
export const utilityProcessCommandSchema = z.object({ type: z.literal('stop') });
export type UtilityProcessCommand = z.infer<typeof utilityProcessCommandSchema>;

/** The server's command-line flags (src/server/cli-options.ts): loopback, a free port, the demo seed. */
export function utilityProcessArgs(options: { dbPath: string }): string[] {
  return ['--host', '127.0.0.1', '--port', '0', '--db', options.dbPath, '--seed', 'demo'];
}

/**
 * The child's environment: the parent's, plus the demo password, which travels here and
 * never on the command line.
 */
export function utilityProcessEnv(
  options: { adminPassword: string },
  base: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  return { ...base, [DEMO_PASSWORD_ENV]: options.adminPassword };
}
