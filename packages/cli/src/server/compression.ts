import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { deflate, gzip } from 'node:zlib';

export type ContentCoding = 'gzip' | 'deflate';

const encoders: Readonly<Record<ContentCoding, (body: Buffer) => Promise<Buffer>>> = {
  gzip: promisify(gzip),
  // HTTP's "deflate" is the zlib format (RFC 9110 §8.4.1.2), which is what upstream writes.
  deflate: promisify(deflate),
};

/**
 * The first coding in the client's `Accept-Encoding` list that the server offers, as
 * Prometheus' `CompressionHandler` (which upstream wraps the web API in) picks it. Unlike it,
 * a coding with parameters counts (`gzip;q=0.8`) unless its weight is 0.
 */
export function chooseContentCoding(acceptEncoding: string | undefined, offers: readonly ContentCoding[]): ContentCoding | undefined {
  for (const entry of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...parameters] = entry.split(';').map((part) => part.trim());
    const coding = offers.find((offer) => offer === name.toLowerCase());
    if (coding === undefined) continue;
    const weight = parameters.find((parameter) => /^q=/i.test(parameter));
    if (weight !== undefined && Number(weight.slice(2)) === 0) continue;
    return coding;
  }
  return undefined;
}

/** Sends `body`, compressed with the first of `offers` the request accepts, if any. */
export async function sendCompressible(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: OutgoingHttpHeaders,
  offers: readonly ContentCoding[],
): Promise<void> {
  const coding = chooseContentCoding(request.headers['accept-encoding'], offers);
  const raw = typeof body === 'string' ? Buffer.from(body) : body;
  const payload = coding === undefined ? raw : await encoders[coding](raw);
  response.writeHead(status, {
    ...headers,
    Vary: 'Accept-Encoding',
    ...(coding === undefined ? {} : { 'Content-Encoding': coding }),
    'Content-Length': payload.length,
  });
  response.end(payload);
}
