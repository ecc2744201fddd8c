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
import { byteLength } from '../source/source-text.js';
import type { Whitespace } from './whitespace.js';

export interface PrinterOptions {
  /** Indentation (tabs) added to every line. */
  readonly baseIndent: number;
  /** Only a file has comments; other nodes print without. */
  readonly comments: readonly CommentGroup[];
}

/** How a text reaches the tabwriter. */
type TextKind =
  /** Identifiers, keywords, operators and punctuation: never contain tabs or newlines. */
  | 'token'
  /** String and number literals: copied verbatim, see `emitLiteral`. */
  | 'literal'
  /** Comments: one opaque cell part, as upstream. */
  | 'comment';

/** Measures how many output lines a node takes; see `Printer.startSpan`. */
export interface OutputSpan {
  /** The output line of the node's first text; -1 until it is written. */
  firstLine: number;
}

/** What was written last, for the token-gluing guard (`mayCombine`). */
type LastWrite = 'whitespace' | 'number' | 'slash' | 'other';

/** Source line breaks around comments are kept, but at most one blank line. */
const MAX_NEWLINES = 2;

/** Where the final flush "is": after every comment of the file. */
const END = Number.MAX_SAFE_INTEGER;

const WHITESPACE_CHARS = {
  blank: ' ',
  vtab: '\v',
  newline: '\n',
  formfeed: '\f',
  closingFormfeed: '\f',
} as const;
type WhitespaceChar = (typeof WHITESPACE_CHARS)[keyof typeof WHITESPACE_CHARS];

export class Printer {
  private readonly comments: CommentCursor;
  /** Whitespace requested since the last text; written (or re-decided) before the next. */
  private readonly pending: Whitespace[] = [];
  private indent = 0;
  private lastWrite: LastWrite = 'other';

  // The estimated source position of the next text (kept as numbers: it moves on every
  // token, and allocating a position object each time shows in the GC profile).
  private offset = 0;
  private line = 1;
  private column = 1;
  /** Whether `moveTo` gave the next text its true source position. */
  private positioned = false;
  /** The source line right after the last text or comment; 0 before the first. */
  private lastLine = 0;
  /** The output column; only "at the start of a line" matters (indentation is due). */
  private outColumn = 1;
  private wroteOutput = false;
  /** Line breaks written so far. */
  private outputLine = 0;
  /** Spans waiting for their first text. */
  private readonly startingSpans: OutputSpan[] = [];

  constructor(
    private readonly out: TabWriter,
    private readonly options: PrinterOptions,
  ) {
    this.comments = new CommentCursor(options.comments);
  }

  /** Declares the source position of the next text. Writes nothing. */
  moveTo(pos: Position): void {
    if (isValidPosition(pos)) {
      this.setPosition(pos.offset, pos.line, pos.column);
      this.positioned = true;
    }
  }

  /** Buffers whitespace for before the next text. */
  space(...items: Whitespace[]): void {
    for (const item of items) {
      if (item === 'ignore') continue;
      this.pending.push(item);
      this.lastWrite = 'whitespace';
    }
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

  /**
   * Starts measuring the output lines of the texts written next; `linesOf` tells how many
   * lines they took. Comments before the first text are not counted.
   */
  startSpan(): OutputSpan {
    const span: OutputSpan = { firstLine: -1 };
    this.startingSpans.push(span);
    return span;
  }

  /** The number of output lines from the span's first text to the last text written. */
  linesOf(span: OutputSpan): number {
    return span.firstLine < 0 ? 1 : this.outputLine - span.firstLine + 1;
  }

  /** Prints the comments left after the last text and flushes the tabwriter. */
  finish(): void {
    // Whitespace still pending is dropped: the output never ends with a line break.
    this.flush(END, END, true);
    this.out.flush();
  }

  private writeText(text: string, kind: TextKind): void {
    // Taken before the pending whitespace is written, which moves the position on.
    const { offset, line, column, positioned } = this;
    this.positioned = false;
    if (positioned) {
      this.flush(offset, line, false);
    } else {
      // The tree has no position for `=`, `,` and `.`, so where a comment near one of them
      // was cannot be known. Upstream guessed "right after the previous text": a comment
      // glued to that text went before the token, one after a space went after it. The
      // formatter then put a space before the comment, and the next run moved it across
      // the token. Comments are therefore only placed before positioned texts.
      this.writeWhitespace(this.pending.length);
    }
    this.writeString(offset, line, column, text, kind);
  }

  private setPosition(offset: number, line: number, column: number): void {
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  /** Writes the comments due before the next text, or else the pending whitespace. */
  private flush(nextOffset: number, nextLine: number, atEnd: boolean): void {
    if (this.comments.startsAtOrBefore(nextOffset)) this.injectComments(nextOffset, nextLine, atEnd);
    else if (!atEnd) this.writeWhitespace(this.pending.length);
  }

  private injectComments(nextOffset: number, nextLine: number, atEnd: boolean): void {
    let lastComment: Comment | undefined;
    while (this.comments.startsAtOrBefore(nextOffset)) {
      for (const comment of this.comments.current!) {
        this.writeCommentPrefix(nextLine, comment);
        const { offset, line, column } = comment.start;
        this.writeString(offset, line, column, comment.text, 'comment');
        lastComment = comment;
      }
      this.comments.advance();
    }
    if (!atEnd) this.writeCommentSuffix(nextLine, lastComment!);
  }

  /** The whitespace between the previous text (or comment) and `comment`. */
  private writeCommentPrefix(nextLine: number, comment: Comment): void {
    if (!this.wroteOutput) return; // the file starts with this comment

    const line = comment.start.line;
    if (line === this.lastLine) {
      // A trailing comment. The tab lets the tabwriter align it with trailing comments on
      // neighbouring lines; a block comment followed by more code on its line gets a space.
      // (Unless a closing bracket is about to be moved to its own line: the comment then
      // ends the line, as it will on the next run.)
      const moreOnLine = line === nextLine && !this.pending.includes('closingFormfeed');
      this.writeChar(moreOnLine ? ' ' : '\t', 1);
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

  /** The whitespace between the last comment of a run and the next text. */
  private writeCommentSuffix(nextLine: number, lastComment: Comment): void {
    if (lastComment.text.startsWith('/*') && nextLine === lastComment.end.line) {
      this.writeChar(' ', 1);
    }
    const newlines = nextLine - this.lastLine;

    // Again the source decides the line breaks; a dropped formfeed is re-issued so the
    // alignment segment still ends here.
    let droppedFormfeed = false;
    let mustBreak = false;
    for (let i = 0; i < this.pending.length; i++) {
      const item = this.pending[i]!;
      if (item === 'indent' || item === 'unindent') continue;
      if (item === 'formfeed' || item === 'closingFormfeed') droppedFormfeed = true;
      if (item === 'closingFormfeed') mustBreak = true;
      this.pending[i] = 'ignore';
    }
    this.writeWhitespace(this.pending.length);

    if (newlines > 0 || mustBreak) {
      this.writeChar(droppedFormfeed ? '\f' : '\n', Math.min(Math.max(newlines, 1), MAX_NEWLINES));
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

  private writeString(offset: number, line: number, column: number, text: string, kind: TextKind): void {
    if (this.outColumn === 1) this.writeIndent();
    if (line > 0) this.setPosition(offset, line, column);
    if (kind !== 'comment' && this.startingSpans.length > 0) {
      for (const span of this.startingSpans) span.firstLine = this.outputLine;
      this.startingSpans.length = 0;
    }

    if (kind === 'token') this.out.appendText(text);
    else if (kind === 'comment') this.out.writeEscaped(text);
    else this.emitLiteral(text);
    this.wroteOutput = true;

    const bytes = byteLength(text);
    this.offset += bytes;
    const breaks = kind === 'token' ? 0 : countLineBreaks(text);
    if (breaks > 0) {
      this.outputLine += countNewlines(text);
      this.line += breaks;
      this.column = this.outColumn = byteLength(text.slice(lastLineBreak(text) + 1)) + 1;
    } else {
      this.column += bytes;
      this.outColumn += bytes;
    }
    this.lastLine = this.line;
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
    this.offset += depth;
    this.column += depth;
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

    this.offset += count;
    if (ch === '\n' || ch === '\f') {
      this.outputLine += count;
      this.line += count;
      this.column = this.outColumn = 1;
    } else {
      this.column += count;
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

/** Only `\n` breaks an output line: `\f` in escaped text is copied as it is. */
function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function lastLineBreak(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\f'));
}
