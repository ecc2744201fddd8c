import type { Comment, CommentGroup } from '../ast/nodes.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { Scanner, type ScanError, type Token } from './scanner.js';
import { Comment as CommentToken, EOF } from './tokens.js';

/**
 * Scans a file on demand: the parser pulls tokens one at a time, and comments are set
 * aside for the formatter as they go by.
 *
 * Pulling rather than scanning everything first is what keeps parsing cheap on memory: a
 * token is garbage as soon as the parser has moved past it, and V8 collects short-lived
 * garbage almost for free, whereas millions of tokens kept alive until the end of the
 * parse are copied by every collection that finds them.
 */
export class TokenStream {
  /** Comments read so far, grouped as upstream groups them: adjacent, at most one line apart. */
  readonly comments: CommentGroup[] = [];

  private readonly source: string;
  private readonly filename: string;
  private scanner: Scanner;
  /** For each scanner error, the offset of the token being scanned when it was found. */
  private readonly errorOffsets: number[] = [];
  private group: Comment[] | undefined;
  private groupEndLine = 0;
  /** Set once the end is reached; from then on every call returns it. */
  private eof: Token | undefined;
  /** How many tokens `next` has returned. */
  private returned = 0;
  /** Set while `next` runs: still set on entry means the last call was cut short. */
  private reading = false;

  constructor(source: string, filename = '') {
    this.source = source;
    this.filename = filename;
    this.scanner = new Scanner(source);
  }

  /** The next token that is not a comment; at the end, the same EOF token every time. */
  next(): Token {
    if (this.eof !== undefined) return this.eof;
    if (this.reading) this.restart();
    this.reading = true;
    const scanner = this.scanner;
    const errors = scanner.errors;
    for (;;) {
      const errorsBefore = errors.length;
      const token = scanner.scan();
      for (let i = errorsBefore; i < errors.length; i++) this.errorOffsets.push(token.startOffset);
      if (token.tokenType !== CommentToken) {
        this.group = undefined;
        if (token.tokenType === EOF) this.eof = token;
        this.returned++;
        this.reading = false;
        return token;
      }
      this.addComment(token);
    }
  }

  /**
   * The parser reads tokens deep in its recursion, where the JavaScript stack can run out
   * (it reports that and carries on). Should it run out within the scanner, the scanner is
   * left halfway through a token; the stream then scans again from the start, up to the
   * tokens already returned, and goes on from there as if nothing had happened.
   */
  private restart(): void {
    this.scanner = new Scanner(this.source);
    this.comments.length = 0;
    this.errorOffsets.length = 0;
    this.group = undefined;
    this.groupEndLine = 0;
    const returned = this.returned;
    this.returned = 0;
    this.reading = false;
    while (this.returned < returned) this.next();
  }

  /** Reads to the end, collecting the remaining comments and scanner errors. */
  drain(): void {
    while (this.eof === undefined) this.next();
  }

  /** How many scanner errors have been found so far. */
  get errorCount(): number {
    return this.errorOffsets.length;
  }

  /** The offset of the token that was being scanned when error `i` was found. */
  errorOffset(i: number): number {
    return this.errorOffsets[i]!;
  }

  /** Scanner error `i` as a diagnostic. */
  diagnostic(i: number): Diagnostic {
    return toDiagnostic(this.scanner.errors[i]!, this.filename);
  }

  private addComment(token: Token): void {
    const comment = toComment(token);
    if (this.group === undefined || comment.start.line > this.groupEndLine + 1) {
      this.group = [];
      this.comments.push(this.group);
    }
    this.group.push(comment);
    this.groupEndLine = comment.end.line;
  }
}

function toDiagnostic(e: ScanError, filename: string): Diagnostic {
  return {
    severity: 'error',
    message: e.message,
    file: filename,
    start: { offset: e.offset, line: e.line, column: e.column },
  };
}

function toComment(token: Token): Comment {
  return {
    text: token.image,
    start: { offset: token.startOffset, line: token.startLine, column: token.startColumn },
    end: { offset: token.endOffset, line: token.endLine, column: token.endColumn },
  };
}
