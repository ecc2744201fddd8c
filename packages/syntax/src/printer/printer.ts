/**
 * The printer core (upstream `printer.go`): turns the walker's stream of texts, source
 * positions and abstract whitespace into tabwriter input, placing comments on the way.
 *
 * Comments are not part of the walk. The printer keeps an estimate of the source position
 * it is at: texts the walker positions explicitly (identifiers, literals, brackets,
 * operators) sit at their true position, the others (`=`, `,`, `.`) right after the
 * previous text. A comment group is printed before the first text that does not start
 * before it, and the whitespace the walker buffered around that point is re-decided from
 * the source lines: this is what keeps trailing comments trailing and own-line comments
 * on their own line, indented like the text that follows them.
 */
import type { Comment, CommentGroup } from '../ast/nodes.js';
import { isValidPosition, type Position } from '../source/position.js';
import { CommentCursor } from './comment-cursor.js';
import type { TabWriter } from './tabwriter.js';
import { utf8Length } from './text-metrics.js';
import type { Whitespace } from './whitespace.js';

export interface PrinterOptions {
  /** Indentation (tabs) added to every line. */
  readonly baseIndent: number;
  /** Only a file has comments; other nodes print without. */
  readonly comments: readonly CommentGroup[];
}

/** A source position the printer can move. */
interface Cursor {
  offset: number;
  line: number;
  column: number;
}

/** How a text reaches the tabwriter. */
type TextKind =
  /** Identifiers, keywords, operators and punctuation: never contain tabs or newlines. */
  | 'token'
  /** String and number literals: copied verbatim, see `emitLiteral`. */
  | 'literal'
  /** Comments: one opaque cell part, as upstream. */
  | 'comment';

/** What was written last, for the token-gluing guard (`mayCombine`). */
type LastWrite = 'whitespace' | 'number' | 'slash' | 'other';

/** Source line breaks around comments are kept, but at most one blank line. */
const MAX_NEWLINES = 2;

/** Where the final flush "is": after every comment of the file. */
const END: Position = {
  offset: Number.MAX_SAFE_INTEGER,
  line: Number.MAX_SAFE_INTEGER,
  column: Number.MAX_SAFE_INTEGER,
};

const WHITESPACE_CHARS = { blank: ' ', vtab: '\v', newline: '\n', formfeed: '\f' } as const;
type WhitespaceChar = (typeof WHITESPACE_CHARS)[keyof typeof WHITESPACE_CHARS];

export class Printer {
  private readonly comments: CommentCursor;
  /** Whitespace requested since the last text; written (or re-decided) before the next. */
  private readonly pending: Whitespace[] = [];
  private indent = 0;
  private lastWrite: LastWrite = 'other';

  /** The estimated source position of the next text. */
  private pos: Cursor = { offset: 0, line: 1, column: 1 };
  /** The source line right after the last text or comment; 0 before the first. */
  private lastLine = 0;
  /** The output column; only "at the start of a line" matters (indentation is due). */
  private outColumn = 1;
  private wroteOutput = false;

  constructor(
    private readonly out: TabWriter,
    private readonly options: PrinterOptions,
  ) {
    this.comments = new CommentCursor(options.comments);
  }

  /** Declares the source position of the next text. Writes nothing. */
  moveTo(pos: Position): void {
    if (isValidPosition(pos)) this.pos = { offset: pos.offset, line: pos.line, column: pos.column };
  }

  /** Buffers whitespace for before the next text. */
  space(...items: Whitespace[]): void {
    for (const item of items) if (item !== 'ignore') this.pending.push(item);
    this.lastWrite = 'whitespace';
  }

  /** Writes an operator or punctuation token. */
  token(text: string): void {
    // `1 .a` must not print as `1.a` (one float), nor `/ *` as the start of a comment.
    const glues =
      (this.lastWrite === 'number' && text.startsWith('.')) ||
      (this.lastWrite === 'slash' && text.startsWith('*'));
    if (glues) this.pending.push('blank');
    this.lastWrite = text === '/' ? 'slash' : 'other';
    this.writeText(text, 'token');
  }

  identifier(name: string): void {
    this.lastWrite = 'other';
    this.writeText(name, 'token');
  }

  /** Writes a literal's text byte for byte; `isNumber` for integer literals (see `token`). */
  literal(text: string, isNumber: boolean): void {
    this.lastWrite = isNumber ? 'number' : 'other';
    this.writeText(text, 'literal');
  }

  /** Prints the comments left after the last text and flushes the tabwriter. */
  finish(): void {
    // Whitespace still pending is dropped: the output never ends with a line break.
    this.flush(END, true);
    this.out.flush();
  }

  private writeText(text: string, kind: TextKind): void {
    // Snapshot: writing the pending whitespace moves `pos` on.
    const at: Position = { offset: this.pos.offset, line: this.pos.line, column: this.pos.column };
    this.flush(at, false);
    this.writeString(at, text, kind);
  }

  /** Writes the comments due before `next`, or else the pending whitespace. */
  private flush(next: Position, atEnd: boolean): void {
    if (this.comments.startsAtOrBefore(next.offset)) this.injectComments(next, atEnd);
    else if (!atEnd) this.writeWhitespace(this.pending.length);
  }

  private injectComments(next: Position, atEnd: boolean): void {
    let lastComment: Comment | undefined;
    while (this.comments.startsAtOrBefore(next.offset)) {
      for (const comment of this.comments.current!) {
        this.writeCommentPrefix(next, comment);
        this.writeString(comment.start, comment.text, 'comment');
        lastComment = comment;
      }
      this.comments.advance();
    }
    if (!atEnd) this.writeCommentSuffix(next, lastComment!);
  }

  /** The whitespace between the previous text (or comment) and `comment`. */
  private writeCommentPrefix(next: Position, comment: Comment): void {
    if (!this.wroteOutput) return; // the file starts with this comment

    const line = comment.start.line;
    if (line === this.lastLine) {
      // A trailing comment. The tab lets the tabwriter align it with trailing comments on
      // neighbouring lines; a block comment followed by more code on its line gets a space.
      this.writeChar(line === next.line ? ' ' : '\t', 1);
      return;
    }

    // An own-line comment. The line breaks come from the source, so the buffered ones are
    // dropped; buffered indentation changes before them are applied first, so the comment
    // is indented like the text that follows it (e.g. an array element).
    let apply = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const item = this.pending[i]!;
      if (item === 'indent' || item === 'unindent') continue;
      if (item !== 'ignore') this.pending[i] = 'ignore';
      apply = i;
      break;
    }
    this.writeWhitespace(apply);

    const newlines = this.lastLine > 0 ? line - this.lastLine : 0;
    if (newlines > 0) this.writeChar('\f', Math.min(newlines, MAX_NEWLINES));
  }

  /** The whitespace between the last comment of a run and the text `next`. */
  private writeCommentSuffix(next: Position, lastComment: Comment): void {
    if (lastComment.text.startsWith('/*') && next.line === lastComment.end.line) {
      this.writeChar(' ', 1);
    }
    const newlines = next.line - this.lastLine;

    // Again the source decides the line breaks; a dropped formfeed is re-issued so the
    // alignment segment still ends here.
    let droppedFormfeed = false;
    for (let i = 0; i < this.pending.length; i++) {
      const item = this.pending[i]!;
      if (item === 'indent' || item === 'unindent') continue;
      if (item === 'formfeed') droppedFormfeed = true;
      this.pending[i] = 'ignore';
    }
    this.writeWhitespace(this.pending.length);

    if (newlines > 0) {
      this.writeChar(droppedFormfeed ? '\f' : '\n', Math.min(newlines, MAX_NEWLINES));
    }
  }

  /** Applies the first `count` pending whitespace items and removes them. */
  private writeWhitespace(count: number): void {
    for (let i = 0; i < count; i++) {
      const item = this.pending[i]!;
      switch (item) {
        case 'ignore':
          break;
        case 'indent':
          this.indent++;
          break;
        case 'unindent':
          if (--this.indent < 0) throw new Error('printer: negative indentation');
          break;
        default:
          this.writeChar(WHITESPACE_CHARS[item], 1);
      }
    }
    this.pending.splice(0, count);
  }

  private writeString(at: Position, text: string, kind: TextKind): void {
    if (this.outColumn === 1) this.writeIndent();
    this.moveTo(at);

    if (kind === 'token') this.out.appendText(text);
    else if (kind === 'comment') this.out.writeEscaped(text);
    else this.emitLiteral(text);
    this.wroteOutput = true;

    const pos = this.pos;
    const bytes = utf8Length(text);
    pos.offset += bytes;
    const breaks = kind === 'token' ? 0 : countLineBreaks(text);
    if (breaks > 0) {
      pos.line += breaks;
      pos.column = this.outColumn = utf8Length(text.slice(lastLineBreak(text) + 1)) + 1;
    } else {
      pos.column += bytes;
      this.outColumn += bytes;
    }
    this.lastLine = pos.line;
  }

  /**
   * Upstream fed literal text to the tabwriter uninterpreted, so a TAB inside a string was
   * replaced by alignment padding and the trimmer stripped trailing blanks from the lines
   * of raw strings: formatting changed string values. Here the text is escaped, so its
   * characters are copied verbatim; only the line breaks of raw strings still end tabwriter
   * lines, which keeps alignment around multi-line strings exactly as upstream has it.
   */
  private emitLiteral(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (nl > start) this.out.writeEscaped(text.slice(start, nl));
      this.out.endLine(false);
      start = nl + 1;
    }
    if (start < text.length) this.out.writeEscaped(start === 0 ? text : text.slice(start));
  }

  private writeIndent(): void {
    const depth = this.options.baseIndent + this.indent;
    for (let i = 0; i < depth; i++) this.out.endCell(true);
    if (depth > 0) this.wroteOutput = true;
    this.pos.offset += depth;
    this.pos.column += depth;
    this.outColumn += depth;
  }

  /** Writes whitespace. Like upstream, a line break at the start of a line is indented
   * first: the (trimmed) indentation cells still take part in alignment. */
  private writeChar(ch: WhitespaceChar | '\t', count: number): void {
    if (this.outColumn === 1) this.writeIndent();
    for (let i = 0; i < count; i++) {
      switch (ch) {
        case ' ':
          this.out.appendText(' ');
          break;
        case '\t':
        case '\v':
          this.out.endCell(ch === '\t');
          break;
        default:
          this.out.endLine(ch === '\f');
      }
    }
    this.wroteOutput = true;

    this.pos.offset += count;
    if (ch === '\n' || ch === '\f') {
      this.pos.line += count;
      this.pos.column = this.outColumn = 1;
    } else {
      this.pos.column += count;
      this.outColumn += count;
    }
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0c) count++;
  }
  return count;
}

function lastLineBreak(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\f'));
}
