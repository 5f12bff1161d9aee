// DNS-rebinding defence: a page on a foreign site can make a browser send requests to
// 127.0.0.1 under the site's own name. A server bound to loopback therefore answers only
// requests addressed to a loopback name and its own port.
const LOOPBACK_HOST = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOST.test(host);

/** The Host headers to accept, or null when the server listens beyond loopback (any name may reach it). */
export function allowedHostHeaders(listenHost: string, port: number): ReadonlySet<string> | null {
  if (!isLoopbackHost(listenHost)) return null;
  const bracketed = listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost;
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${bracketed.toLowerCase()}:${port}`]);
}
