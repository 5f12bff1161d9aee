// `npm run server -- [--port 8787] [--host 127.0.0.1] [--db FILE|:memory:] [--seed demo|none]
// [--admin-password PW] [--token-ttl SECONDS]`: the local organization server on its own.
import { LOCAL_IDENTITY_PROVIDER } from '../shared/identity-provider';
import { optionsOrUsage } from '../shared/node/cli-flags';
import { parseCliArgs, USAGE } from './cli-options';
import { isLoopbackHost } from './http/host-guard';
import { startLocalServer } from './start-server';

async function main(): Promise<void> {
  const options = optionsOrUsage(() => parseCliArgs(process.argv.slice(2), process.env), USAGE);
  if (!options) return;
  const server = await startLocalServer(options);
  const profile = server.profile === 'jmapcloud' ? ' (profile jmapcloud: JMap Cloud\'s public API only)' : '';
  console.log(`Local organization server listening on ${server.url}${profile}`);
  if (!isLoopbackHost(options.host ?? '127.0.0.1')) {
    console.error('Warning: listening beyond loopback, over plain HTTP: anyone who can reach this address can try to sign in.');
  }
  if (server.demo) console.log(`Demo admin: ${server.demo.adminEmail} / ${server.demo.adminPassword}`);
  else if (options.seed === 'demo') {
    console.log('The database already holds data: nothing was seeded, and passwords are unchanged (give --admin-password to reset the demo users’).');
  }
  console.log(
    `Single sign-on (identity provider): issuer ${server.url}/, client ID ${LOCAL_IDENTITY_PROVIDER.clientId}, audience ${LOCAL_IDENTITY_PROVIDER.audience}`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping (${signal})…`);
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'EADDRINUSE'
      ? 'That port is already in use: choose another with --port, or --port 0 for a free one.'
      : code === 'EADDRNOTAVAIL'
        ? 'That host is not an address of this machine: try --host 127.0.0.1.'
        : error instanceof Error
          ? error.message
          : String(error);
  console.error(`Error: the local organization server could not start. ${message}`);
  process.exitCode = 1;
});
