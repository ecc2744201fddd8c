/** The path and query of a request, or why its target cannot be read. */
export type RequestTarget =
  | { readonly ok: true; readonly path: string; readonly query: URLSearchParams }
  | { readonly ok: false; readonly message: string };

/**
 * Splits a request target (`/a%2Fb?x=1`, or the absolute form `http://host/a`) into the
 * percent-decoded path routes match on and the query. A malformed escape is refused as Go's
 * URL parser refuses it (`invalid URL escape "%zz"`); escapes that decode to invalid UTF-8
 * are kept as replacement characters, since Go accepts any bytes in a path.
 */
export function parseRequestTarget(target: string): RequestTarget {
  let rawPath: string;
  let rawQuery: string;
  if (target.startsWith('/')) {
    const question = target.indexOf('?');
    rawPath = question < 0 ? target : target.slice(0, question);
    rawQuery = question < 0 ? '' : target.slice(question + 1);
  } else if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target);
    rawPath = url.pathname;
    rawQuery = url.search.slice(1);
  } else {
    return { ok: false, message: `invalid request URI ${JSON.stringify(target)}` };
  }

  const path = decodePath(rawPath);
  if (typeof path !== 'string') return path;
  return { ok: true, path, query: new URLSearchParams(rawQuery) };
}

function decodePath(raw: string): string | { readonly ok: false; readonly message: string } {
  if (!raw.includes('%')) return raw;
  let decoded = '';
  let bytes: number[] = [];
  for (let i = 0; i < raw.length; ) {
    if (raw[i] !== '%') {
      decoded += flush(bytes) + raw[i];
      bytes = [];
      i += 1;
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
      return { ok: false, message: `invalid URL escape ${JSON.stringify(raw.slice(i, i + 3))}` };
    }
    bytes.push(Number.parseInt(hex, 16));
    i += 3;
  }
  return decoded + flush(bytes);
}

/** Consecutive escapes form one UTF-8 sequence, so they are decoded together. */
function flush(bytes: readonly number[]): string {
  return bytes.length === 0 ? '' : Buffer.from(bytes).toString('utf8');
}
