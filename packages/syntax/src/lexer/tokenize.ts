import type { Comment, CommentGroup } from '../ast/nodes.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { Scanner, type Token } from './scanner.js';
import { Comment as CommentToken, EOF } from './tokens.js';

export interface TokenizeResult {
  /** Every token but comments, ending with one EOF token. */
  readonly tokens: Token[];
  /** Comments grouped as upstream groups them: adjacent, at most one line apart. */
  readonly comments: CommentGroup[];
  readonly scanDiagnostics: Diagnostic[];
  /** For each scanner diagnostic, the offset of the token being scanned when it was found. */
  readonly scanDiagnosticOffsets: number[];
}

/** Scans a whole file, setting comments aside for the formatter. */
export function tokenize(source: string, filename = ''): TokenizeResult {
  const scanner = new Scanner(source);
  const tokens: Token[] = [];
  const comments: CommentGroup[] = [];
  let group: Comment[] | undefined;
  let groupEndLine = 0;
  const scanDiagnosticOffsets: number[] = [];

  for (;;) {
    const errorsBefore = scanner.errors.length;
    const token = scanner.scan();
    for (let i = errorsBefore; i < scanner.errors.length; i++) scanDiagnosticOffsets.push(token.startOffset);
    if (token.tokenType !== CommentToken) {
      group = undefined;
      tokens.push(token);
      if (token.tokenType === EOF) break;
      continue;
    }
    const comment = toComment(token);
    if (group === undefined || comment.start.line > groupEndLine + 1) {
      group = [];
      comments.push(group);
    }
    group.push(comment);
    groupEndLine = comment.end.line;
  }

  const scanDiagnostics = scanner.errors.map(
    (e): Diagnostic => ({
      severity: 'error',
      message: e.message,
      file: filename,
      start: { offset: e.offset, line: e.line, column: e.column },
    }),
  );
  return { tokens, comments, scanDiagnostics, scanDiagnosticOffsets };
}

function toComment(token: Token): Comment {
  return {
    text: token.image,
    start: { offset: token.startOffset, line: token.startLine, column: token.startColumn },
    end: { offset: token.endOffset, line: token.endLine, column: token.endColumn },
  };
}
