/**
 * One poll of `import.http`: the request Go's `http.Client` would make for upstream's
 * `remote.http` (redirects, timeout covering the whole exchange), on node:http(s), which,
 * unlike `fetch`, takes a CA, a server name and a verification switch per request.
 */
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { quote } from '@ingot/syntax';
import type { ClientSettings } from './client.js';
import { goErrorText } from './go-error-text.js';
import { USER_AGENT } from './user-agent.js';

export interface RequestSpec {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent when not empty, as upstream. */
  readonly body?: string;
  /** For the whole exchange, redirects and body included (upstream's context deadline). */
  readonly timeoutMs: number;
  readonly client: ClientSettings;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly statusCode: number;
  /** As Go's `Response.Status`: `404 Not Found`. */
  readonly status: string;
  readonly body: string;
}

/** A failed poll: `message` as upstream's error, `logMessage` as the line upstream logs for it. */
export class PollError extends Error {
  constructor(
    message: string,
    readonly logMessage: string,
  ) {
    super(message);
    this.name = 'PollError';
  }
}

/** Go's `http.Client` gives up after this many. */
const MAX_REDIRECTS = 10;
/** An HTTP token (RFC 7230), which Go requires of a method. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export async function performRequest(spec: RequestSpec): Promise<HttpResponse> {
  if (!TOKEN.test(spec.method)) {
    throw new PollError(`building request: net/http: invalid method ${quote(spec.method)}`, 'failed to build request');
  }
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    throw new PollError(`building request: parse ${quote(spec.url)}: invalid URL`, 'failed to build request');
  }

  const timeout = AbortSignal.timeout(spec.timeoutMs);
  const signal = spec.signal === undefined ? timeout : AbortSignal.any([timeout, spec.signal]);
  // What Go says when the context ends: its deadline passed, or the caller cancelled.
  const ended = (): string => (timeout.aborted ? 'context deadline exceeded' : 'context canceled');
  // Go names the first request's method and the current URL, password masked.
  const op = (): string => `${spec.method[0]}${spec.method.slice(1).toLowerCase()} ${quote(shown(url))}`;

  const initialHost = url.hostname;
  let method = spec.method;
  let body = spec.body === '' ? undefined : spec.body;
  let headers = requestHeaders(spec);
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      const scheme = url.protocol.slice(0, -1);
      throw new PollError(`performing request: ${op()}: unsupported protocol scheme ${quote(scheme)}`, 'failed to perform request');
    }
    let response: IncomingMessage;
    try {
      response = await send(url, method, headers, body, spec.client, signal);
    } catch (error) {
      throw new PollError(`performing request: ${op()}: ${signal.aborted ? ended() : goErrorText(error)}`, 'failed to perform request');
    }

    const statusCode = response.statusCode ?? 0;
    const location = response.headers.location;
    if (spec.client.followRedirects && isRedirect(statusCode) && location !== undefined) {
      response.resume();
      url = new URL(location, url);
      // Go stops when the tenth redirect arrives (its `len(via) >= 10`).
      if (redirects + 1 >= MAX_REDIRECTS) {
        throw new PollError(`performing request: ${op()}: stopped after ${MAX_REDIRECTS} redirects`, 'failed to perform request');
      }
      // Go: 301, 302 and 303 turn into a GET without body; 307 and 308 repeat the request.
      if (statusCode <= 303) {
        if (method !== 'GET' && method !== 'HEAD') method = 'GET';
        body = undefined;
        headers = withoutHeader(headers, 'content-length');
      }
      // Go drops credentials on the way to another domain; so does this, the client's included.
      if (url.hostname !== initialHost && !url.hostname.endsWith(`.${initialHost}`)) {
        headers = withoutHeader(withoutHeader(headers, 'authorization'), 'cookie');
      }
      continue;
    }

    let text: string;
    try {
      text = await readBody(response);
    } catch (error) {
      throw new PollError(`reading response: ${signal.aborted ? ended() : goErrorText(error)}`, 'failed to read response');
    }
    return { statusCode, status: `${statusCode} ${response.statusMessage ?? ''}`.trim(), body: text };
  }
}

/**
 * `headers`, then what upstream's client adds unless they are already set: its user agent
 * and the client's authorization (Prometheus leaves an `Authorization` header alone).
 * Names are matched without case, as Go canonicalises them; the last spelling wins.
 */
function requestHeaders(spec: RequestSpec): OutgoingHttpHeaders {
  const byName = new Map<string, [string, string]>();
  for (const [name, value] of Object.entries(spec.headers)) byName.set(name.toLowerCase(), [name, value]);
  if (!byName.has('user-agent')) byName.set('user-agent', ['User-Agent', USER_AGENT]);
  const { authorization } = spec.client;
  if (authorization !== undefined && !byName.has('authorization')) byName.set('authorization', ['Authorization', authorization]);
  const body = spec.body ?? '';
  if (body !== '') byName.set('content-length', ['Content-Length', String(Buffer.byteLength(body))]);
  return Object.fromEntries(byName.values());
}

function withoutHeader(headers: OutgoingHttpHeaders, name: string): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}

function send(
  url: URL,
  method: string,
  headers: OutgoingHttpHeaders,
  body: string | undefined,
  client: ClientSettings,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    // No agent: no pooled connection outlives a poll that happens once a minute.
    const options = { method, headers, signal, agent: false as const };
    const request =
      url.protocol === 'https:'
        ? httpsRequest(url, { ...options, ...client.tls }, resolve)
        : httpRequest(url, options, resolve);
    request.once('error', reject);
    request.end(body);
  });
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.once('error', reject);
    // An aborted exchange may close without either.
    response.once('close', () => {
      if (!response.complete) reject(new Error('unexpected EOF'));
    });
  });
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The URL as Go's errors show it: a password becomes `***`. */
function shown(url: URL): string {
  if (url.password === '') return url.href;
  const masked = new URL(url.href);
  masked.password = '***';
  return masked.href;
}
