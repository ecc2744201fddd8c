import { request, type IncomingHttpHeaders } from 'node:http';

export interface TextResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

export interface FetchTextInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** 10 s when left out. */
  readonly timeoutMs?: number;
}

/**
 * One HTTP request on a connection of its own, closed afterwards: no keep-alive pool holds
 * sockets open between requests, so a server's handle count is not skewed by the client.
 */
export function fetchText(url: string | URL, init: FetchTextInit = {}): Promise<TextResponse> {
  const timeoutMs = init.timeoutMs ?? 10_000;
  const method = init.method ?? 'GET';
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: init.headers ?? {}, agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${String(url)} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(init.body);
  });
}
