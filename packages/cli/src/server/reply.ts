import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

// The few ways the server answers by itself. Go's handlers get `text/plain; charset=utf-8`
// by content sniffing; here it is set explicitly.

export const TEXT_PLAIN = 'text/plain; charset=utf-8';

export function sendText(response: ServerResponse, status: number, body: string, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, {
    'Content-Type': TEXT_PLAIN,
    ...headers,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Go's `http.Error`: the message and a newline, with sniffing turned off. */
export function sendError(response: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders = {}): void {
  sendText(response, status, `${message}\n`, { 'X-Content-Type-Options': 'nosniff', ...headers });
}

/** Go's `http.NotFound`. */
export function sendNotFound(response: ServerResponse): void {
  sendError(response, 404, '404 page not found');
}

/** A status with no body, as Go's `w.WriteHeader(status)` alone. */
export function sendStatus(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'Content-Length': 0 });
  response.end();
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
