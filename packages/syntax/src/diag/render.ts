/**
 * The pretty diagnostic printer, byte for byte upstream's `diag.Printer.Fprint`
 * (`syntax/diag/printer.go`): a header line per diagnostic, then a window of source lines
 * with a ` | ` gutter and carets under the offending range.
 *
 * Columns are UTF-8 byte columns (see `source/position.ts`), so source lines are walked as
 * UTF-8: a multi-byte rune prints one caret but advances the column by its byte length, and
 * an invalid byte prints as U+FFFD and advances the column by one, as Go's `range` over a
 * string does.
 */
import { formatPosition, isValidPosition, type Position } from '../source/position.js';
import type { Diagnostic } from './diagnostic.js';

export interface RenderOptions {
  /** Colour the header lines with ANSI escapes. Default false. */
  readonly color?: boolean;
  /** Source lines shown before the start line. Default 1. */
  readonly contextLinesBefore?: number;
  /** Source lines shown after the end line. Default 1. */
  readonly contextLinesAfter?: number;
}

/** File contents by file name; a file that is absent gets no source window. */
export type SourceFiles =
  | ReadonlyMap<string, string | Uint8Array>
  | Readonly<Record<string, string | Uint8Array | undefined>>;

/** A tab or vertical tab always prints as this many columns (not tab stops). */
const TAB_WIDTH = 4;

const ESC = '\x1b';
const RESET = `${ESC}[0m`;
const BOLD = `${ESC}[1m`;
const ERROR_HEADER = `${ESC}[31;1mError: ${RESET}`;
const WARNING_HEADER = `${ESC}[33;1mWarning: ${RESET}`;

const NEWLINE = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const VTAB = 0x0b;

/**
 * Renders diagnostics in upstream's pretty form. Each diagnostic ends with `\n`; diagnostics
 * are separated by one blank line; there is no trailing blank line. `[]` renders as `''`.
 */
export function renderDiagnostics(
  diags: readonly Diagnostic[],
  files?: SourceFiles,
  options: RenderOptions = {},
): string {
  const config = {
    color: options.color ?? false,
    before: options.contextLinesBefore ?? 1,
    after: options.contextLinesAfter ?? 1,
  };
  const lineCache = new Map<string, readonly Uint8Array[]>();
  const out: string[] = [];

  diags.forEach((diag, i) => {
    out.push(header(diag, config.color));

    // Upstream prints a window for any diagnostic whose file is known. A diagnostic without
    // a position has no file name upstream, so it never gets one; keep that for Ingot's
    // diagnostics, which carry the file apart from the position.
    const lines = isValidPosition(diag.start) ? sourceLines(files, diag.file, lineCache) : undefined;
    if (lines !== undefined) {
      const end = diag.end !== undefined && isValidPosition(diag.end) ? diag.end : diag.start;
      out.push(sourceWindow(lines, diag.start, end, config.before, config.after));
    }

    if (i + 1 < diags.length) out.push('\n');
  });
  return out.join('');
}

function header(diag: Diagnostic, color: boolean): string {
  const text = `${formatPosition(diag.start, diag.file)}: ${diag.message}\n`;
  if (!color) {
    const severity = diag.severity === 'error' ? 'Error: ' : diag.severity === 'warning' ? 'Warning: ' : '';
    return severity + text;
  }
  const severity =
    diag.severity === 'error' ? ERROR_HEADER : diag.severity === 'warning' ? WARNING_HEADER : '';
  // fatih/color writes the reset after the whole formatted text, newline included.
  return `${severity}${BOLD}${text}${RESET}`;
}

function sourceLines(
  files: SourceFiles | undefined,
  name: string,
  cache: Map<string, readonly Uint8Array[]>,
): readonly Uint8Array[] | undefined {
  if (files === undefined) return undefined;
  const cached = cache.get(name);
  if (cached !== undefined) return cached;

  const contents = isMap(files) ? files.get(name) : Object.hasOwn(files, name) ? files[name] : undefined;
  if (contents === undefined) return undefined;
  const lines = splitLines(typeof contents === 'string' ? new TextEncoder().encode(contents) : contents);
  cache.set(name, lines);
  return lines;
}

function isMap(files: SourceFiles): files is ReadonlyMap<string, string | Uint8Array> {
  return files instanceof Map;
}

/** As Go's `strings.Split(s, "\n")`: a trailing newline yields a final empty line. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === NEWLINE) {
      lines.push(bytes.subarray(lineStart, i));
      lineStart = i + 1;
    }
  }
  lines.push(bytes.subarray(lineStart));
  return lines;
}

/** upstream `printRange` */
function sourceWindow(
  lines: readonly Uint8Array[],
  start: Position,
  end: Position,
  before: number,
  after: number,
): string {
  const first = Math.max(start.line - before, 1);
  const last = Math.min(end.line + after, lines.length);
  const multiline = end.line > start.line;
  const width = String(last).length;
  const gutter = ' '.repeat(width);

  let out = '\n';
  for (let n = first; n <= last; n++) {
    const line = lines[n - 1] ?? new Uint8Array();

    out += `${String(n).padStart(width, ' ')} | `;
    if (multiline) {
      // Column 0 never matches on the start line (unless the range starts at column 0),
      // so the bar starts on the line after it.
      out += inRange(n, 0, start, end) ? '| ' : '  ';
    }
    out += sourceText(line) + '\n';

    if (n === start.line || (multiline && n === end.line)) {
      out += gutter;
      if (multiline && n === start.line) out += ' |  _';
      else if (multiline && n === end.line) out += ' | |_';
      else out += ' | ';
      out += focus(line, n, start, end) + '\n';
    }
  }
  return out;
}

/** The line as printed: `\r` dropped, `\t` and `\v` as exactly four spaces. */
function sourceText(line: Uint8Array): string {
  let text = '';
  for (const [rune] of runes(line)) {
    if (rune === CR) continue;
    text += rune === TAB || rune === VTAB ? ' '.repeat(TAB_WIDTH) : String.fromCodePoint(rune);
  }
  return text;
}

/** upstream `printFocus`: one character per rune (four per tab), `^` inside the range. */
function focus(line: Uint8Array, n: number, start: Position, end: Position): string {
  const blank = end.line > start.line ? '_' : ' ';
  let text = '';
  for (const [rune, byteIndex] of runes(line)) {
    const column = byteIndex + 1;
    if (n === end.line && column > end.column) break;
    if (rune === TAB || rune === VTAB) text += blank.repeat(TAB_WIDTH);
    else if (inRange(n, column, start, end)) text += '^';
    else text += blank;
  }
  return text;
}

function inRange(line: number, column: number, start: Position, end: Position): boolean {
  if (line < start.line || line > end.line) return false;
  if (line === start.line) return column >= start.column;
  if (line === end.line) return column <= end.column;
  return true;
}

const REPLACEMENT = 0xfffd;

/**
 * The runes of a UTF-8 byte string with their byte index, as Go's `for i, r := range s`:
 * an invalid or truncated sequence yields U+FFFD and advances one byte.
 */
function* runes(bytes: Uint8Array): Generator<[rune: number, byteIndex: number]> {
  let i = 0;
  while (i < bytes.length) {
    const [rune, size] = decodeRune(bytes, i);
    yield [rune, i];
    i += size;
  }
}

function decodeRune(bytes: Uint8Array, i: number): [rune: number, size: number] {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return [b0, 1];

  let size: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) size = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    size = 3;
    if (b0 === 0xe0) lo = 0xa0; // no overlong forms
    if (b0 === 0xed) hi = 0x9f; // no surrogates
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    size = 4;
    if (b0 === 0xf0) lo = 0x90; // no overlong forms
    if (b0 === 0xf4) hi = 0x8f; // nothing above U+10FFFF
  } else {
    return [REPLACEMENT, 1];
  }

  let rune = b0 & (0xff >> (size + 1));
  for (let k = 1; k < size; k++) {
    const b = bytes[i + k];
    const min = k === 1 ? lo : 0x80;
    const max = k === 1 ? hi : 0xbf;
    if (b === undefined || b < min || b > max) return [REPLACEMENT, 1];
    rune = (rune << 6) | (b & 0x3f);
  }
  return [rune, size];
}
