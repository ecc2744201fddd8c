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
    let start = 0; // start of the text run not yet written
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const blank = c === 0x20 || c === 0x09 || c === 0x0b;
      const newline = c === 0x0a || c === 0x0c;
      if (!blank && !newline) continue;
      if (i > start) this.writeText(s.slice(start, i));
      start = i + 1;
      if (blank) {
        this.pendingBlanks += c === 0x0b ? '\t' : s[i];
      } else {
        this.pendingBlanks = '';
        this.parts.push('\n');
      }
    }
    if (start < s.length) this.writeText(s.slice(start));
  }

  escaped(s: string): void {
    this.writeText(s);
  }

  /** The trimmed output. Blanks at the very end are never written. */
  result(): string {
    return this.parts.join('');
  }

  private writeText(s: string): void {
    if (this.pendingBlanks !== '') {
      this.parts.push(this.pendingBlanks);
      this.pendingBlanks = '';
    }
    this.parts.push(s);
  }
}
