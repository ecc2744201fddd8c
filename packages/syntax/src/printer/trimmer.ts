/**
 * The last stage of the formatter (upstream `trimmer.go`): drops trailing blanks from
 * every line and from the end of the output, and turns `\v`/`\f` into `\t`/`\n`.
 *
 * Escaped text (comments, string literals) is copied verbatim: blanks inside it are part
 * of the text, never trailing whitespace to drop.
 */
import type { TabWriterOutput } from './tabwriter.js';

export class Trimmer implements TabWriterOutput {
  private readonly parts: string[] = [];
  /** Blanks seen since the last text; written only once some text follows them. */
  private pendingBlanks = '';

  text(s: string): void {
    if (s.includes('\f')) s = s.replaceAll('\f', '\n');
    let start = 0;
    for (let brk = s.indexOf('\n'); brk >= 0; brk = s.indexOf('\n', start)) {
      if (brk > start) this.writeLinePart(s.slice(start, brk));
      this.pendingBlanks = ''; // trailing: dropped
      this.parts.push('\n');
      start = brk + 1;
    }
    if (start < s.length) this.writeLinePart(start === 0 ? s : s.slice(start));
  }

  escaped(s: string): void {
    this.writeText(s);
  }

  /** The trimmed output. Blanks at the very end are never written. */
  result(): string {
    return this.parts.join('');
  }

  /** Text without line breaks: only the blanks at its end may turn out to be trailing. */
  private writeLinePart(s: string): void {
    if (s.includes('\v')) s = s.replaceAll('\v', '\t');
    let end = s.length;
    while (end > 0 && isBlank(s.charCodeAt(end - 1))) end--;
    if (end === 0) {
      this.pendingBlanks += s;
      return;
    }
    this.writeText(end === s.length ? s : s.slice(0, end));
    if (end < s.length) this.pendingBlanks = s.slice(end);
  }

  private writeText(s: string): void {
    if (this.pendingBlanks !== '') {
      this.parts.push(this.pendingBlanks);
      this.pendingBlanks = '';
    }
    this.parts.push(s);
  }
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
