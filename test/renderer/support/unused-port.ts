// A loopback URL where nothing listens: what a stopped or unreachable server looks like.
import { createServer } from 'node:net';

export async function unusedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No loopback port could be reserved.');
  return `http://127.0.0.1:${address.port}`;
}
