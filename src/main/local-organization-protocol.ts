// What main alone decides about the local organization server's utility process: where
// its database lives, the demo password of this run, keeping that password out of the
// log, and how it is stopped at quit. The wire itself (arguments, environment, messages)
// is src/shared/utility-process-protocol.ts. Nothing here imports Electron, so it is tested
// against the real entry in a Node child.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { UtilityProcessCommand } from '../shared/utility-process-protocol';

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

/** The part of Electron's UtilityProcess that a stop uses. */
export interface StoppableChild {
  postMessage(message: UtilityProcessCommand): void;
  kill(): boolean;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

/** How long the server may take to close its connections and its database at quit. */
export const STOP_GRACE_MS = 3_000;

/**
 * Asks the server to stop ({type: 'stop'}: it closes its listener and the SQLite database,
 * then exits 0) and kills it only if it has not exited within the grace period. A kill
 * alone would be SIGTERM where there is one and TerminateProcess on Windows, which leaves
 * no chance to close the database cleanly.
 */
export function stopGracefully(child: StoppableChild, graceMs = STOP_GRACE_MS): Promise<'stopped' | 'killed'> {
  return new Promise((resolve) => {
    let outcome: 'stopped' | 'killed' = 'stopped';
    const timer = setTimeout(() => {
      outcome = 'killed';
      // false: it had exited already, and its 'exit' event is on its way.
      if (!child.kill()) resolve(outcome);
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(outcome);
    });
    try {
      child.postMessage({ type: 'stop' });
    } catch {
      // Its port is closed already: the timer kills it if it is still there.
    }
  });
}
