import type { Logger, RuntimeHost } from '@ingot/runtime';
import { sendError, sendText } from '../reply.js';
import type { Route } from '../route.js';

/**
 * `/-/reload`, GET and POST only: other methods fall through to the later routes, as
 * upstream's method-restricted route does (spec §2.5). The log lines are upstream's; the
 * host only reloads, so SIGHUP can log its own way.
 */
export function reloadRoute(host: RuntimeHost, logger: Logger): Route {
  return ({ path, method, response }) => {
    if (path !== '/-/reload' || (method !== 'GET' && method !== 'POST')) return undefined;
    return async () => {
      logger.info('reload requested via /-/reload endpoint');
      const outcome = await host.reload();
      if (outcome.ok) {
        logger.info('config reloaded');
        sendText(response, 200, 'config reloaded\n');
      } else {
        logger.error('failed to reload config', { err: outcome.message });
        sendError(response, 400, outcome.message);
      }
    };
  };
}
