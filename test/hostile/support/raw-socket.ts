// Bytes straight onto a socket, for requests no HTTP client would send: not HTTP, smuggling
// headers, headers too large. The answer is read until the server closes the connection.
import { connect } from 'node:net';
import { REQUEST_DEADLINE_MS, type RawAnswer } from './http';

export function exchangeBytes(url: string, bytes: string): Promise<RawAnswer | 'closed without an answer'> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const deadline = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${REQUEST_DEADLINE_MS} ms`));
    }, REQUEST_DEADLINE_MS);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(deadline);
      const text = Buffer.concat(chunks).toString('latin1');
      if (text === '') return resolve('closed without an answer');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const body = Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, text: body, json });
    });
    socket.write(bytes, 'latin1', () => socket.end());
  });
}
