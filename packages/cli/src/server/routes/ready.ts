import type { RuntimeHost } from '@ingot/runtime';
import { sendText } from '../reply.js';
import type { Route } from '../route.js';

/** `/-/ready`, any method (spec §6.2). */
export function readyRoute(host: RuntimeHost): Route {
  return ({ path, response }) => {
    if (path !== '/-/ready') return undefined;
    return () => {
      if (host.ready()) {
        sendText(response, 200, 'Alloy is ready.\n');
      } else {
        sendText(response, 503, 'Alloy is not ready.\n');
      }
    };
  };
}
