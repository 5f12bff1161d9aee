// Runs the local organization server in this very process: the launcher of the web
// preview and of the tests (Electron runs it in a utilityProcess instead).
import { AppError } from '../../shared/errors';
import { startLocalServer, type LocalServerOptions, type RunningLocalServer } from '../../server/start-server';
import type { LocalOrganizationInstance, LocalOrganizationLauncher } from './local-organization-launcher';

export function createInProcessLocalOrganization(options: LocalServerOptions = {}): LocalOrganizationLauncher {
  let running: Promise<{ server: RunningLocalServer; instance: LocalOrganizationInstance }> | null = null;

  async function start() {
    const server = await startLocalServer({ port: 0, host: '127.0.0.1', seed: 'demo', ...options });
    if (!server.demo) {
      await server.close();
      throw new AppError(
        'SERVER',
        'The local organization cannot sign in its demo administrator: its database was created with another password.',
      );
    }
    return { server, instance: { url: server.url, adminEmail: server.demo.adminEmail, adminPassword: server.demo.adminPassword } };
  }

  return {
    async start() {
      running ??= start().catch((error: unknown) => {
        running = null;
        throw error;
      });
      return (await running).instance;
    },
    async stop() {
      const stopping = running;
      running = null;
      if (stopping) await (await stopping).server.close();
    },
  };
}
