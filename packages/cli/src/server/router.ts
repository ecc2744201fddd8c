import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '@ingot/runtime';
import { sendError, sendNotFound } from './reply.js';
import { parseRequestTarget } from './request-target.js';
import type { Route } from './route.js';

/**
 * Dispatches each request to the first route that accepts it, in the order given (upstream's
 * precedence), and `404 page not found` when none does. No request can take the server down:
 * a target that cannot be decoded is a 400, and whatever a route throws is logged and answered
 * with a bare 500, since thrown errors are bugs whose text may carry details not meant for
 * clients.
 */
export function createRequestListener(routes: readonly Route[], logger: Logger): RequestListener {
  return (request, response) => {
    // `serve` answers every failure itself; this only guards against answering failing too.
    serve(routes, logger, request, response).catch(() => response.destroy());
  };
}

async function serve(routes: readonly Route[], logger: Logger, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const target = parseRequestTarget(request.url ?? '/');
  if (!target.ok) {
    sendError(response, 400, target.message);
    return;
  }

  const routeRequest = { request, response, method, path: target.path, query: target.query };
  try {
    for (const route of routes) {
      const handler = route(routeRequest);
      if (handler !== undefined) {
        await handler();
        return;
      }
    }
    sendNotFound(response);
  } catch (error) {
    logger.error('failed to serve HTTP request', {
      method,
      path: target.path,
      err: error instanceof Error ? error.message : String(error),
    });
    if (!response.headersSent) {
      sendError(response, 500, 'internal server error');
    } else {
      // Part of an answer is out: cutting the connection is the only way to tell the client.
      response.destroy();
    }
  }
}
