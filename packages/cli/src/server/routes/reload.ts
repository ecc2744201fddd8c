import type { Logger, RuntimeHost } from '@ingot/runtime';
import { sendError, sendText } from '../reply.js';
import type { Route } from '../route.js';

/**
 * `/-/reload`, GET and POST only: other methods fall through to the later routes, as
 * upstream's method-restricted route does (spec §2.5). The host's reload logs its outcome
 * (`config reloaded` with what changed, or `failed to reload config`), as for SIGHUP.
 */
export function reloadRoute(host: RuntimeHost, logger: Logger): Route {
  return ({ path, method, response }) => {
    if (path !== '/-/reload' || (method !== 'GET' && method !== 'POST')) return undefined;
    return async () => {
      logger.info('reload requested via /-/reload endpoint');
      const outcome = await host.reload();
      if (outcome.ok) sendText(response, 200, 'config reloaded\n');
      else sendError(response, 400, outcome.message);
    };
  };
}
