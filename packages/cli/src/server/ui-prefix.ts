/**
 * `--server.http.ui-path-prefix` as the routes use it: with a leading and a trailing slash,
 * so `/ui` and `/ui/` mean the same and `''` means `/`.
 */
export function normalizeUiPrefix(prefix: string): string {
  const leading = prefix.startsWith('/') ? prefix : `/${prefix}`;
  return leading.endsWith('/') ? leading : `${leading}/`;
}
