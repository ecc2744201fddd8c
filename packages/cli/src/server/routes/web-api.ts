import type { RuntimeHost } from '@ingot/runtime';
import { sendCompressible } from '../compression.js';
import { TEXT_PLAIN } from '../reply.js';
import type { Route, RouteHandler } from '../route.js';

/**
 * The API the web UI reads, under `<ui prefix>api/v0/web/`, any method (spec §6.4). Every
 * answer, errors included, is compressed when the client accepts it, as upstream wraps each
 * route in a compression handler. A path this API does not know falls through to the UI, as
 * it does upstream, where the UI's catch-all shares the router.
 *
 * Upstream sends its JSON without a content type (Go then sniffs `text/plain`); this one says
 * `application/json`, which no client can be relying on the absence of.
 */
export function webApiRoute(host: RuntimeHost, uiPrefix: string): Route {
  const base = `${uiPrefix}api/v0/web/`;
  return ({ path, request, response }) => {
    if (!path.startsWith(base)) return undefined;
    const route = path.slice(base.length);
    const send = (status: number, body: string, contentType: string): Promise<void> =>
      sendCompressible(request, response, status, body, { 'Content-Type': contentType }, ['gzip', 'deflate']);

    if (route === 'components') return listComponents(host, '', send);
    // Greedy, as gorilla/mux's `{moduleID:.+}`: a module ID may itself contain `/components`.
    const inModule = /^modules\/(.+)\/components$/.exec(route);
    if (inModule !== null) return listComponents(host, inModule[1]!, send);
    const one = /^components\/(.+)$/.exec(route);
    if (one !== null) return getComponent(host, one[1]!, send);
    if (route === 'peers') return () => send(200, JSON.stringify(host.peers()), JSON_TYPE);
    return undefined;
  };
}

type Send = (status: number, body: string, contentType: string) => Promise<void>;

const JSON_TYPE = 'application/json';

function listComponents(host: RuntimeHost, moduleId: string, send: Send): RouteHandler {
  return () => {
    const components = host.components(moduleId);
    return components === undefined
      ? send(500, 'module not found\n', TEXT_PLAIN)
      : send(200, JSON.stringify(components), JSON_TYPE);
  };
}

/** `<moduleID>/<localID>`, split at the last `/` as upstream's `component.ParseID`. */
function getComponent(host: RuntimeHost, id: string, send: Send): RouteHandler {
  return () => {
    const slash = id.lastIndexOf('/');
    const component = host.component(slash < 0 ? '' : id.slice(0, slash), id.slice(slash + 1));
    return component === undefined
      ? send(404, '404 page not found\n', TEXT_PLAIN)
      : send(200, JSON.stringify(component), JSON_TYPE);
  };
}

