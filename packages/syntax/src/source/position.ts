/**
 * A place in a source file. Offsets and columns count UTF-8 bytes, as upstream Alloy does,
 * so `file:line:col` in an Ingot message points where `alloy` would point.
 */
export interface Position {
  /** 0-based byte offset from the start of the file. */
  readonly offset: number;
  /** 1-based line; 0 means "no position". */
  readonly line: number;
  /** 1-based byte column; 0 means "no column". */
  readonly column: number;
}

export const NO_POSITION: Position = Object.freeze({ offset: 0, line: 0, column: 0 });

export function isValidPosition(pos: Position): boolean {
  return pos.line > 0;
}

/**
 * Renders a position the way upstream's `token.Position.String()` does:
 * `file:line:col`, `line:col` without a file name, `file` or `-` without a line,
 * and no column part when the column is 0.
 */
export function formatPosition(pos: Position, filename = ''): string {
  if (!isValidPosition(pos)) return filename === '' ? '-' : filename;
  const lineCol = pos.column > 0 ? `${pos.line}:${pos.column}` : `${pos.line}`;
  return filename === '' ? lineCol : `${filename}:${lineCol}`;
}
