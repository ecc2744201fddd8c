import { escapeHtml } from '../reply.js';
import type { Route } from '../route.js';

/**
 * The web UI at the UI prefix, any method (spec §6.5). The UI itself is not built yet: every
 * path under the prefix answers with a placeholder page, where the single-page app's
 * `index.html` fallback will go once it exists. The prefix without its slash redirects to it.
 */
export function uiRoute(uiPrefix: string): Route {
  const page = placeholderPage(uiPrefix);
  const bare = uiPrefix.slice(0, -1);
  return ({ path, method, response }) => {
    if (bare !== '' && path === bare) {
      return () => {
        // Go's http.Redirect: a short HTML body for GET and HEAD only.
        const body = method === 'GET' || method === 'HEAD' ? `<a href="${escapeHtml(uiPrefix)}">Found</a>.\n\n` : '';
        response.writeHead(302, {
          Location: uiPrefix,
          ...(body === '' ? {} : { 'Content-Type': 'text/html; charset=utf-8' }),
          'Content-Length': Buffer.byteLength(body),
        });
        response.end(body);
      };
    }
    if (!path.startsWith(uiPrefix)) return undefined;
    return () => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
      response.end(page);
    };
  };
}

function placeholderPage(uiPrefix: string): string {
  const prefix = escapeHtml(uiPrefix);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<base href="${prefix}">
<title>Ingot</title>
</head>
<body>
<h1>Ingot</h1>
<p>The web UI is not available yet. Its API answers at <a href="api/v0/web/components">${prefix}api/v0/web/components</a>.</p>
</body>
</html>
`;
}
