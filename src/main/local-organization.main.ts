// Runs the bundled local organization server in an Electron utilityProcess (a Node child
// without Node integration in any page): loopback, a free port, its database in the
// user-data folder, the demo seed. Started on first use, stopped at quit (asked first,
// killed only if it does not stop in time).
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import { AppError } from '../shared/errors';
import type { LocalOrganizationInstance, LocalOrganizationLauncher } from '../services/local-organization/local-organization-launcher';
import type { Logger } from '../services/logger';
import { errorMessageSchema, listeningMessageSchema, utilityProcessArgs, utilityProcessEnv } from '../shared/utility-process-protocol';
import { generateDemoPassword, localOrganizationDbPath, redact, stopGracefully } from './local-organization-protocol';

const START_TIMEOUT_MS = 20_000;

function unavailable(reason: string): AppError {
  const message = `The local organization could not start: ${reason}. Restart KeyDesk; if it persists, remove the folder “local-organization” in KeyDesk’s user-data folder.`;
  return AppError.because('SERVER', 'local-organization-crashed', {}, message);
}

export function createUtilityProcessLocalOrganization(options: { entryPath: string; userDataDir: string; log: Logger }): LocalOrganizationLauncher {
  const adminPassword = generateDemoPassword();
  let child: UtilityProcess | null = null;
  let starting: Promise<LocalOrganizationInstance> | null = null;

  async function launch(): Promise<LocalOrganizationInstance> {
    const dbPath = localOrganizationDbPath(options.userDataDir);
    await mkdir(dirname(dbPath), { recursive: true, mode: 0o700 });
    const server = utilityProcess.fork(options.entryPath, utilityProcessArgs({ dbPath }), {
      env: utilityProcessEnv({ adminPassword }, process.env),
      serviceName: 'KeyDesk local organization',
      // stdout carries the demo password line: never inherited into the app's output.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = server;
    server.stderr?.on('data', (chunk: Buffer) => options.log.warn('Local organization server', { output: redact(chunk.toString('utf8'), adminPassword).slice(0, 2000) }));

    return new Promise<LocalOrganizationInstance>((resolve, reject) => {
      const timer = setTimeout(() => fail('it did not answer in time'), START_TIMEOUT_MS);
      function fail(reason: string): void {
        clearTimeout(timer);
        server.kill();
        reject(unavailable(reason));
      }
      server.on('message', (message: unknown) => {
        const error = errorMessageSchema.safeParse(message);
        if (error.success) {
          options.log.error('Local organization server failed', { output: redact(error.data.message, adminPassword).slice(0, 500) });
          return fail('the server reported an error at start');
        }
        const parsed = listeningMessageSchema.safeParse(message);
        if (!parsed.success) return;
        clearTimeout(timer);
        const { url, demo } = parsed.data;
        if (!demo) return fail('its database has no demo administrator');
        options.log.info('Local organization server started', { url });
        resolve({ url, adminEmail: demo.adminEmail, adminPassword: demo.adminPassword });
      });
      server.once('exit', (code) => {
        if (child === server) child = null;
        starting = null;
        fail(`the server stopped (exit code ${code})`);
      });
    });
  }

  return {
    start() {
      starting ??= launch().catch((error: unknown) => {
        starting = null;
        throw error;
      });
      return starting;
    },
    async stop() {
      const running = child;
      child = null;
      starting = null;
      if (!running) return;
      if ((await stopGracefully(running)) === 'killed') options.log.warn('Local organization server did not stop in time and was killed');
    },
  };
}
