/**
 * `import.http` (spec §4.7; upstream internal/runtime/internal/importsource/import_http.go,
 * which wraps `remote.http`): a module fetched from a URL, polled every `poll_frequency`.
 */
import type { Health } from '../../../component/health.js';
import type { Logger } from '../../../component/options.js';
import { sleep } from '../../../timers.js';
import type { ImportSource, ImportSourceDefinition, ModuleContent } from '../../import-source.js';
import { Arguments, type HttpArguments } from './arguments.js';
import { clientSettings } from './client.js';
import { performRequest, PollError } from './http-request.js';

export const importHttp: ImportSourceDefinition<typeof Arguments> = {
  kind: 'http',
  arguments: Arguments,
  create: (args, context) => new HttpSource(args, context.logger),
};

/**
 * Every `fetch` is one request. `watch` only says when to make the next one: the node's
 * fetch after each `onChange` is the poll, and unchanged content is ignored there, as
 * remote.http sends no update for an unchanged body.
 */
class HttpSource implements ImportSource {
  readonly modulePath: string;
  readonly #args: HttpArguments;
  readonly #logger: Logger;
  readonly #name: string;
  #health: Health = { state: 'unknown', message: 'component started', updateTime: new Date() };

  constructor(args: HttpArguments, logger: Logger) {
    this.#args = args;
    this.#logger = logger;
    this.modulePath = directoryOf(args.url);
    this.#name = fileNameOf(args.url);
  }

  /** Rejects, and turns unhealthy, with remote.http's error; the module keeps its content. */
  async fetch(signal?: AbortSignal): Promise<ModuleContent> {
    try {
      const text = await this.#poll(signal);
      this.#health = { state: 'healthy', message: 'polled endpoint', updateTime: new Date() };
      return new Map([[this.#name, text]]);
    } catch (error) {
      const message = (error as Error).message;
      if (signal?.aborted !== true) {
        this.#health = { state: 'unhealthy', message: `polling failed: ${message}`, updateTime: new Date() };
      }
      throw error;
    }
  }

  async watch(signal: AbortSignal, onChange: () => void): Promise<void> {
    while (await sleep(this.#args.poll_frequency, signal)) onChange();
  }

  health(): Health {
    return this.#health;
  }

  async #poll(signal: AbortSignal | undefined): Promise<string> {
    const args = this.#args;
    try {
      const client = await clientSettings(args.client).catch((error: Error) => {
        throw new PollError(`building request: ${error.message}`, 'failed to build request');
      });
      const response = await performRequest({
        url: args.url,
        method: args.method,
        headers: args.headers,
        body: args.body,
        timeoutMs: args.poll_timeout,
        client,
        signal,
      });
      // Only 200 counts, not any 2xx: upstream compares with `http.StatusOK`.
      if (response.statusCode !== 200) {
        this.#logger.error('unexpected status code from response', { status: response.status });
        throw new Error(`unexpected status code ${response.status}`);
      }
      return trimSpace(response.body);
    } catch (error) {
      if (error instanceof PollError) this.#logger.error(error.logMessage, { err: error.message });
      throw error;
    }
  }
}

/**
 * The URL without its last path element: `https://host/a/b.alloy` → `https://host/a/`.
 * Upstream splits the text at its last `/` (Go's `path.Split`), query included; the parsed
 * path is used here, so `?x=/y` does not count.
 */
function directoryOf(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return new URL('.', parsed).href;
  } catch {
    // An invalid URL fails every fetch; fall back to upstream's split for the path.
  }
  return url.slice(0, url.lastIndexOf('/') + 1);
}

/**
 * The name diagnostics show for the content: the URL's last path element, or the whole URL
 * when its path ends in `/`. (Upstream names it by the import node's ID, which the source
 * contract does not carry.)
 */
function fileNameOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const { pathname } = parsed;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  // Without userinfo: the name is shown in diagnostics.
  return last === '' ? `${parsed.origin}${pathname}` : safeDecode(last);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Go's `unicode.IsSpace`: unlike JavaScript's `\s`, it has U+0085 and not U+FEFF (a BOM stays). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const SURROUNDING_SPACE = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');

/** Go's `strings.TrimSpace`, which remote.http applies to the body. */
function trimSpace(text: string): string {
  return text.replace(SURROUNDING_SPACE, '');
}
