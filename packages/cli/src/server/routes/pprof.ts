import type { ServerResponse } from 'node:http';
import { collectCpuProfile } from '../profiling/cpu-profile.js';
import { collectHeapProfile } from '../profiling/heap-sampler.js';
import { escapeHtml, sendError, sendNotFound } from '../reply.js';
import type { Route, RouteRequest } from '../route.js';

const BASE = '/debug/pprof';
const DEFAULT_SECONDS = 30;
/** Long enough for any real use; bounds how long a forgotten request holds the profiler. */
const MAX_PROFILE_SECONDS = 300;

/**
 * `/debug/pprof/…`, any method, when `--server.http.enable-pprof` is on: this process's CPU
 * (`profile?seconds=N`) and heap (`heap`) profiles in pprof format, with the headers Go's
 * net/http/pprof sends. Go's other profiles (goroutine, block, mutex, delta_*) have no V8
 * counterpart and answer `Unknown profile`. When profiling is off the whole tree is 404,
 * rather than falling through to the UI as upstream's unregistered route would.
 *
 * Go reads a malformed `seconds` as 30; here it is a 400, so a typo cannot start a 30 s wait.
 * A CPU profile requested while another runs gets Go's 500 and text (not a 409), so
 * `go tool pprof` and scripts see what they see from Alloy.
 */
export function pprofRoute(enabled: boolean, shutdown: AbortSignal): Route {
  return (request) => {
    const { path, response } = request;
    if (path !== BASE && !path.startsWith(`${BASE}/`)) return undefined;
    if (!enabled) return () => sendNotFound(response);

    switch (path) {
      case BASE:
        // Go's ServeMux sends the bare directory to its slash form.
        return () => {
          response.writeHead(301, { Location: `${BASE}/`, 'Content-Length': 0 });
          response.end();
        };
      case `${BASE}/`:
        return () => sendIndex(response);
      case `${BASE}/profile`:
        return () => serveCpuProfile(request, shutdown);
      case `${BASE}/heap`:
        return async () => sendProfile(response, await collectHeapProfile());
      default:
        return () => sendPprofError(response, 404, 'Unknown profile');
    }
  };
}

async function serveCpuProfile({ query, response }: RouteRequest, shutdown: AbortSignal): Promise<void> {
  const text = query.get('seconds');
  const seconds = text === null ? DEFAULT_SECONDS : Number(text);
  if (text !== null && (!/^[0-9]+$/.test(text) || seconds < 1 || seconds > MAX_PROFILE_SECONDS)) {
    sendPprofError(
      response,
      400,
      `invalid seconds ${JSON.stringify(text)}: want a whole number of seconds from 1 to ${MAX_PROFILE_SECONDS}`,
    );
    return;
  }

  // The wait ends early when the client goes away or the server closes.
  const clientGone = new AbortController();
  const onClose = (): void => clientGone.abort();
  response.once('close', onClose);
  try {
    const outcome = await collectCpuProfile(seconds * 1000, AbortSignal.any([clientGone.signal, shutdown]));
    if (!outcome.ok) {
      sendPprofError(response, 500, `Could not enable CPU profiling: ${outcome.reason}`);
    } else if (!clientGone.signal.aborted) {
      sendProfile(response, outcome.profile);
    }
  } finally {
    response.off('close', onClose);
  }
}

function sendProfile(response: ServerResponse, profile: Buffer): void {
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': 'attachment; filename="profile"',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': profile.length,
  });
  response.end(profile);
}

/** Go's pprof `serveError`: plain text, marked as coming from pprof. */
function sendPprofError(response: ServerResponse, status: number, message: string): void {
  sendError(response, status, message, { 'X-Go-Pprof': '1' });
}

const profiles = [
  { name: 'heap', href: 'heap', help: 'A sampling of live objects, taken since profiling was enabled.' },
  {
    name: 'profile',
    href: `profile?seconds=${DEFAULT_SECONDS}`,
    help: 'A CPU profile of the JavaScript thread. Its duration is the seconds GET parameter (default 30).',
  },
];

function sendIndex(response: ServerResponse): void {
  const items = profiles
    .map(({ name, href, help }) => `<li><a href="${escapeHtml(href)}">${name}</a>: ${escapeHtml(help)}</li>`)
    .join('\n');
  const body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>/debug/pprof/</title></head>
<body>
<p>/debug/pprof/</p>
<p>Profiles of this process, in pprof format:</p>
<ul>
${items}
</ul>
</body>
</html>
`;
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
