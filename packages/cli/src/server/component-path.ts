/** A component found in a URL path, and what of the path its handler gets. */
export interface ComponentPath<T> {
  readonly component: T;
  readonly id: string;
  /** `''` when the path was exactly the ID, `/` for the ID and a slash, `/x/y` otherwise. */
  readonly rest: string;
}

/**
 * Finds the component a path under `/api/v0/component/` addresses, as upstream's
 * `splitURLPath` does: one leading and one trailing slash are set aside, then the longest
 * prefix cut at a `/` for which `lookup` finds a component wins, and the slashes set aside
 * are put back on the rest. Global IDs contain slashes inside modules
 * (`math.add.x/local.file.y`), so the shortest prefix would be wrong.
 */
export function splitComponentPath<T>(path: string, lookup: (globalId: string) => T | undefined): ComponentPath<T> | undefined {
  let trimmed = path;
  const leadingSlash = trimmed.startsWith('/');
  if (leadingSlash) trimmed = trimmed.slice(1);
  const trailingSlash = trimmed.endsWith('/');
  if (trailingSlash) trimmed = trimmed.slice(0, -1);

  // `end` strictly decreases, so the loop ends after at most one pass per slash.
  for (let end = trimmed.length; end > 0; end = trimmed.lastIndexOf('/', end - 1)) {
    const id = trimmed.slice(0, end);
    const component = lookup(id);
    if (component !== undefined) {
      return { component, id, rest: restoreSlashes(trimmed.slice(end), leadingSlash, trailingSlash) };
    }
  }
  return undefined;
}

function restoreSlashes(rest: string, leading: boolean, trailing: boolean): string {
  let restored = rest;
  if (leading && !restored.startsWith('/')) restored = `/${restored}`;
  if (trailing && !restored.endsWith('/')) restored = `${restored}/`;
  return restored;
}
