import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens (port 0 picks a free one) and returns the real port and the http:// endpoint. */
export async function listen(server: Server, port: number, host: string): Promise<{ port: number; endpoint: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return { port: actual, endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` };
}
