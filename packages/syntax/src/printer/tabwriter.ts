/**
 * Go's `text/tabwriter` (elastic tabstops) with the one configuration Alloy's printer uses:
 * `minwidth 0, tabwidth 8, padding 1, padchar ' ', DiscardEmptyColumns | TabIndent`.
 * It is what aligns the `=` of consecutive attributes and trailing comments, so it has to
 * match Go's algorithm exactly, quirks included (see the spec, §7.4).
 *
 * Text is cut into cells: `\t` ends a *hard* cell, `\v` a *soft* one, `\n` and `\f` end
 * the cell and the line. Consecutive lines that have a cell in the same column form a
 * column block, padded to the block's widest cell plus one. The last cell of a line is
 * never part of a column.
 *
 * Go marks text that must not be interpreted by wrapping it in 0xFF bytes. A JavaScript
 * string can hold any character, so escaped text is handed over out of band instead
 * (`writeEscaped`) and comes out through {@link TabWriterOutput.escaped}, which also tells
 * the trimmer not to touch it.
 */
import { runeCount } from './text-metrics.js';

/** Where the tabwriter sends its result: the trimmer, or a plain collector in tests. */
export interface TabWriterOutput {
  /** Cell text, padding and line breaks. */
  text(s: string): void;
  /** Text that was written with `writeEscaped`, to be passed on verbatim. */
  escaped(s: string): void;
}

const TAB_WIDTH = 8;
const PADDING = 1;

class EscapedText {
  constructor(readonly text: string) {}
}

type Fragment = string | EscapedText;

interface Cell {
  /** `''` for an empty cell; fragments once the cell holds escaped text. */
  readonly content: string | readonly Fragment[];
  /** In runes; escaped text counts its own runes. */
  readonly width: number;
  /** Ended by `\t` rather than `\v`: its column is never discarded as empty. */
  readonly hard: boolean;
}

export class TabWriter {
  /** The buffered lines of the current segment; the last one is being written. */
  private lines: Cell[][] = [[]];
  /** Widths of the columns to the left of the one being formatted. */
  private readonly widths: number[] = [];

  // The cell being written: plain text until escaped text arrives, fragments after.
  private cellText = '';
  private cellFragments: Fragment[] | undefined;
  private cellWidth = 0;

  constructor(private readonly output: TabWriterOutput) {}

  /** Writes text, interpreting `\t`, `\v`, `\n` and `\f` as Go's `Write` does. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x09 && c !== 0x0b && c !== 0x0a && c !== 0x0c) continue;
      if (i > start) this.appendText(text.slice(start, i));
      start = i + 1;
      if (c === 0x09 || c === 0x0b) this.endCell(c === 0x09);
      else this.endLine(c === 0x0c);
    }
    if (start < text.length) this.appendText(text.slice(start));
  }

  /** Writes text that is part of the current cell but never interpreted (Go: 0xFF…0xFF). */
  writeEscaped(text: string): void {
    if (this.cellFragments === undefined) {
      this.cellFragments = this.cellText === '' ? [] : [this.cellText];
      this.cellText = '';
    }
    this.cellFragments.push(new EscapedText(text));
    this.cellWidth += runeCount(text);
  }

  /** Appends text free of `\t`, `\v`, `\n` and `\f` to the current cell. */
  appendText(text: string): void {
    if (this.cellFragments === undefined) this.cellText += text;
    else this.cellFragments.push(text);
    this.cellWidth += runeCount(text);
  }

  /** Ends the current cell: `\t` (hard) or `\v` (soft). */
  endCell(hard: boolean): void {
    this.terminateCell(hard);
  }

  /**
   * Ends the current line: `\n`, or `\f` when `flush`. A `\f` always closes the alignment
   * segment; so does a line without any cell break, as it cannot affect the lines after it.
   */
  endLine(flush: boolean): void {
    const cells = this.terminateCell(false);
    this.lines.push([]);
    if (flush || cells === 1) this.flushSegment();
  }

  /** Formats and writes everything buffered; the unterminated last line gets no newline. */
  flush(): void {
    if (this.cellText !== '' || this.cellFragments !== undefined) this.terminateCell(false);
    this.flushSegment();
  }

  private terminateCell(hard: boolean): number {
    const content = this.cellFragments ?? this.cellText;
    const line = this.lines[this.lines.length - 1]!;
    line.push({ content, width: this.cellWidth, hard });
    this.cellText = '';
    this.cellFragments = undefined;
    this.cellWidth = 0;
    return line.length;
  }

  private flushSegment(): void {
    this.format(0, this.lines.length);
    this.lines = [[]];
  }

  /**
   * Writes lines `[line0, line1)`, fixing the width of column `widths.length` block by
   * block and recursing into the columns to its right.
   */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row]!.length - 1) continue;

      // `row` starts a column block: the lines before it are complete.
      this.writeLines(line0, row);
      line0 = row;

      let width = 0;
      let discardable = true;
      for (; row < line1; row++) {
        const line = this.lines[row]!;
        if (column >= line.length - 1) break;
        const cell = line[column]!;
        width = Math.max(width, cell.width + PADDING);
        if (cell.width > 0 || cell.hard) discardable = false;
      }
      // DiscardEmptyColumns: a column of empty soft cells takes no room at all.
      if (discardable) width = 0;

      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    const { output, widths } = this;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      // Plain text is collected per line: one output call per line instead of per cell.
      let text = '';
      // TabIndent: leading empty cells (indentation) are padded with tabs.
      let useTabs = true;
      for (let j = 0; j < line.length; j++) {
        const cell = line[j]!;
        if (cell.content === '') {
          if (j < widths.length) text += padding(0, widths[j]!, useTabs);
          continue;
        }
        useTabs = false;
        if (typeof cell.content === 'string') {
          text += cell.content;
        } else {
          for (const fragment of cell.content) {
            if (typeof fragment === 'string') {
              text += fragment;
            } else {
              if (text !== '') output.text(text);
              text = '';
              output.escaped(fragment.text);
            }
          }
        }
        if (j < widths.length) text += padding(cell.width, widths[j]!, false);
      }
      // The last buffered line is the one still being written: it has no newline yet.
      if (i + 1 < this.lines.length) text += '\n';
      if (text !== '') output.text(text);
    }
  }
}

function padding(textWidth: number, cellWidth: number, useTabs: boolean): string {
  if (useTabs) {
    const tabStop = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
    return repeated('\t', Math.ceil((tabStop - textWidth) / TAB_WIDTH));
  }
  return repeated(' ', cellWidth - textWidth);
}

const repeatCache = new Map<string, string[]>();

/** `ch.repeat(n)`, cached: the same short paddings are written over and over. */
function repeated(ch: string, n: number): string {
  if (n <= 0) return '';
  let cache = repeatCache.get(ch);
  if (cache === undefined) repeatCache.set(ch, (cache = []));
  return (cache[n] ??= ch.repeat(n));
}
