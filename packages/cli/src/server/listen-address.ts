import { isIP } from 'node:net';

/** Where to listen: `host` is `''` for every interface, an IPv6 address without brackets. */
export interface ListenAddress {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/**
 * Parses `--server.http.listen-addr` the way Go's `net.Listen("tcp", …)` reads it:
 * `host:port`, `[ipv6]:port` or `:port`. Throws an Error saying what is wrong, for the CLI
 * to print before it exits 1. Unlike Go, the port must be a number (no service names) and
 * an empty port (`host:`) is refused rather than read as 0.
 */
export function parseListenAddress(text: string): ListenAddress {
  function fail(reason: string): never {
    throw new Error(`invalid listen address ${JSON.stringify(text)}: ${reason}`);
  }

  let host: string;
  let portText: string;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) fail("missing ']' in address");
    host = text.slice(1, end);
    const rest = text.slice(end + 1);
    if (rest === '') fail('missing port in address');
    if (!rest.startsWith(':')) fail(`unexpected ${JSON.stringify(rest)} after ']'`);
    if (isIP(host) !== 6) fail(`${JSON.stringify(host)} is not an IPv6 address`);
    portText = rest.slice(1);
  } else {
    const colon = text.lastIndexOf(':');
    if (colon < 0) fail('missing port in address');
    host = text.slice(0, colon);
    portText = text.slice(colon + 1);
    if (host.includes(':')) {
      fail('too many colons in address (write an IPv6 address in brackets, e.g. [::1]:12345)');
    }
    if (host !== '' && isIP(host) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$/.test(host)) {
      fail(`${JSON.stringify(host)} is not a host name or IP address`);
    }
  }

  if (portText === '') fail('missing port in address');
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) {
    fail(`invalid port ${JSON.stringify(portText)} (expected a number from 0 to 65535)`);
  }
  return { host, port: Number(portText) };
}

/** The address as it is written back in messages: IPv6 hosts in brackets. */
export function formatListenAddress({ host, port }: ListenAddress): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
