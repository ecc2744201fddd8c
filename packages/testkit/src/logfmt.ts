/**
 * The fields of one logfmt line as Ingot writes them (spec §7.2):
 * `ts=… level=info msg="now listening for http traffic" addr=127.0.0.1:12345`.
 * Quoted values are unescaped as Go's `strconv.Quote` escapes them.
 */
export function parseLogfmt(line: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const pattern = /([^\s=]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/g;
  for (const match of line.matchAll(pattern)) {
    const [, key, quoted, bare] = match;
    fields[key!] = quoted === undefined ? (bare ?? '') : unquote(quoted);
  }
  return fields;
}

function unquote(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    switch (escape[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'u':
      case 'x':
        return String.fromCharCode(parseInt(escape.slice(1), 16));
      default:
        return escape;
    }
  });
}
