import type { RuntimeHost } from '@ingot/runtime';
import { sendCompressible } from '../compression.js';
import type { Route } from '../route.js';

/** The content type of the Prometheus text format, as client_golang announces it. */
const EXPOSITION = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * `/metrics`, any method. Gzipped when the scraper accepts it, as client_golang's handler
 * does (Prometheus always asks for it).
 */
export function metricsRoute(host: RuntimeHost): Route {
  return ({ path, request, response }) => {
    if (path !== '/metrics') return undefined;
    return async () => {
      const body = await host.metrics();
      await sendCompressible(request, response, 200, body, { 'Content-Type': EXPOSITION }, ['gzip']);
    };
  };
}
