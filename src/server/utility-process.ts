// Entry for Electron's utilityProcess.fork(): the same flags as the CLI, in argv. Once
// listening it posts {type: 'listening', url, demo} to the parent, and on a bad flag or a
// failed start {type: 'error', message}; {type: 'stop'} from the parent stops it cleanly
// (the protocol: src/shared/utility-process-protocol.ts). It must not import electron: in
// a utility process `process.parentPort` is a global, typed locally here.
import { CliUsageError } from '../shared/node/cli-flags';
import { DEMO_PASSWORD_ENV, utilityProcessCommandSchema, type UtilityProcessMessage } from '../shared/utility-process-protocol';
import { parseCliArgs } from './cli-options';
import { startLocalServer } from './start-server';

interface ParentPort {
  postMessage(message: UtilityProcessMessage): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

function post(message: UtilityProcessMessage): void {
  if (parentPort) parentPort.postMessage(message);
  else if (message.type === 'listening') console.log(`Local organization server listening on ${message.url}`);
  else console.error(`Error: ${message.message}`);
}

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2), process.env);
  // Not passed on to anything this process might start.
  Reflect.deleteProperty(process.env, DEMO_PASSWORD_ENV);
  if (command.help) throw new CliUsageError('--help is not available in the utility process.');
  const server = await startLocalServer(command.options);
  post({ type: 'listening', url: server.url, demo: server.demo });
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  parentPort?.on('message', (event) => {
    if (utilityProcessCommandSchema.safeParse(event.data).success) stop();
  });
}

main().catch((error: unknown) => {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  // The parent port keeps the process alive: exit, a moment later so the message leaves first.
  setTimeout(() => process.exit(1), 200);
});
