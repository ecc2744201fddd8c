import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { formatListenAddress, type ListenAddress } from './listen-address.js';

/**
 * Binds `server` to `address`. A failure rejects with upstream's wording,
 * `failed to listen on <flag value>: <reason>`, the reason phrased as Go's net package
 * phrases it (`listen tcp 127.0.0.1:80: bind: address already in use`), so scripts that
 * match on Alloy's message keep working.
 */
export function listen(server: Server, address: ListenAddress, flagValue: string): Promise<ListenAddress> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(new Error(`failed to listen on ${flagValue}: ${describeListenError(error, address)}`));
    };
    const onListening = (): void => {
      server.off('error', onError);
      const bound = server.address() as AddressInfo;
      resolve({ host: bound.address, port: bound.port });
    };
    server.once('error', onError);
    server.once('listening', onListening);
    // An empty host means every interface, which Node spells by leaving the host out.
    server.listen(address.host === '' ? { port: address.port } : { port: address.port, host: address.host });
  });
}

const bindFailures: Readonly<Record<string, string>> = {
  EADDRINUSE: 'address already in use',
  EACCES: 'permission denied',
  EADDRNOTAVAIL: 'cannot assign requested address',
};

function describeListenError(error: NodeJS.ErrnoException, address: ListenAddress): string {
  const code = error.code ?? '';
  const bind = bindFailures[code];
  if (bind !== undefined) return `listen tcp ${formatListenAddress(address)}: bind: ${bind}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `listen tcp: lookup ${address.host}: no such host`;
  return `listen tcp ${formatListenAddress(address)}: ${error.message}`;
}
