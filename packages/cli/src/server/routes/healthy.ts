import type { RuntimeHost } from '@ingot/runtime';
import { sendText } from '../reply.js';
import type { Route } from '../route.js';

/** `/-/healthy`, any method: 500 naming the unhealthy root components, else 200 (spec §6.2). */
export function healthyRoute(host: RuntimeHost): Route {
  return ({ path, response }) => {
    if (path !== '/-/healthy') return undefined;
    return () => {
      const unhealthy = host.unhealthyComponents();
      if (unhealthy.length === 0) {
        sendText(response, 200, 'All Alloy components are healthy.\n');
      } else {
        sendText(response, 500, `unhealthy components: ${unhealthy.join(', ')}\n`);
      }
    };
  };
}
