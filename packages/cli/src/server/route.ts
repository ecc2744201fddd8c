import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as routes see it: the URL already split and percent-decoded. */
export interface RouteRequest {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly method: string;
  /** The decoded path, as Go's `r.URL.Path`: what upstream's routes match on. */
  readonly path: string;
  readonly query: URLSearchParams;
}

/** Serves a request the route has accepted. Whatever it throws becomes a 500. */
export type RouteHandler = () => void | Promise<void>;

/**
 * One entry of the routing table: the handler if this route serves the request, or
 * `undefined` to let the next route try (as `/-/reload` does for other methods).
 */
export type Route = (request: RouteRequest) => RouteHandler | undefined;
