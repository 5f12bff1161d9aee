// `npm run web -- …`: KeyDesk in a browser, against the bundled local organization. Prints
// the local organization server's two lines and the preview's URL, then runs until
// SIGINT/SIGTERM.
import { formatLogFields, type Logger } from '../services/logger';
import { optionsOrUsage } from '../shared/node/cli-flags';
import { parseWebCliArgs, WEB_USAGE } from './web-cli-options';
import { startWebPreview } from './start-web-preview';

/** Warnings and errors only: the terminal is for the three lines above. */
const terminalLogger: Logger = {
  info: (message) => (message.startsWith('Building') ? console.log(message) : undefined),
  warn: (message, values) => console.warn(`warning: ${message}${formatLogFields(values)}`),
  error: (message, values) => console.error(`error: ${message}${formatLogFields(values)}`),
};

async function main(): Promise<void> {
  const options = optionsOrUsage(() => parseWebCliArgs(process.argv.slice(2), process.env), WEB_USAGE);
  if (!options) return;
  const preview = await startWebPreview({ ...options, log: terminalLogger });
  const profile = preview.server.profile === 'jmapcloud' ? ' (profile jmapcloud: JMap Cloud\'s public API only)' : '';
  console.log(`Local organization server listening on ${preview.server.url}${profile}`);
  if (preview.server.demo) console.log(`Demo admin: ${preview.server.demo.adminEmail} / ${preview.server.demo.adminPassword}`);
  else console.log('Demo data already in this database; the demo password is unchanged (pass --admin-password to set it).');
  console.log(`Web preview: ${preview.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EADDRINUSE'
      ? 'that port is already in use: choose another with --port, or --port 0 for a free one.'
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`Error: the web preview could not start: ${reason}`);
  process.exitCode = 1;
});
