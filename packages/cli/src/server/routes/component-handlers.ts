import type { ComponentHandler, RuntimeHost } from '@ingot/runtime';
import { splitComponentPath } from '../component-path.js';
import { sendStatus, sendText } from '../reply.js';
import type { Route } from '../route.js';

const PREFIX = '/api/v0/component/';

/**
 * `/api/v0/component/<global id><rest>`, any method: the component's own handler, given
 * `<rest>` as its path (spec §6.3). The 400 quotes the whole request path, as upstream's
 * `%q` does (JSON quoting agrees with Go's for printable text).
 */
export function componentHandlersRoute(host: RuntimeHost): Route {
  return ({ path, request, response }) => {
    if (!path.startsWith(PREFIX)) return undefined;
    return async () => {
      const found = splitComponentPath<{ readonly handler?: ComponentHandler }>(path.slice(PREFIX.length), (id) => {
        const entry = host.componentHandler(id);
        return entry.exists ? entry : undefined;
      });
      if (found === undefined) {
        sendText(response, 400, `failed to parse URL path ${JSON.stringify(path)}: invalid path\n`);
        return;
      }
      const { handler } = found.component;
      if (handler === undefined) {
        sendStatus(response, 404);
        return;
      }
      await handler(request, response, found.rest);
    };
  };
}
