import type { Expression, File } from '../ast/nodes.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { TokenStream } from '../lexer/token-stream.js';
import { decodeSourceText } from '../source/source-text.js';
import { AlloyParser } from './parser.js';

export interface ParseOptions {
  /** The name positions refer to in diagnostics; `''` by default. */
  readonly filename?: string;
}

export interface ParseFileResult {
  /** Always present; where the input was broken it holds what could be recovered. */
  readonly file: File;
  /** Scanner and parser diagnostics in upstream's order; the file is valid when empty. */
  readonly diagnostics: Diagnostic[];
}

export interface ParseExpressionResult {
  readonly expression: Expression;
  readonly diagnostics: Diagnostic[];
}

let sharedParser: AlloyParser | undefined;

/** Chevrotain analyses a grammar once per parser instance, so one instance is reused. */
function parser(): AlloyParser {
  sharedParser ??= new AlloyParser();
  return sharedParser;
}

/** Parses an Alloy file. Bytes are read as UTF-8; invalid bytes are reported, not lost. */
export function parseFile(source: string | Uint8Array, options: ParseOptions = {}): ParseFileResult {
  const filename = options.filename ?? '';
  const tokens = new TokenStream(decodeSourceText(source), filename);
  const { body, diagnostics } = parser().parseFile({ tokens, filename });
  return { file: { kind: 'File', name: filename, body, comments: tokens.comments }, diagnostics };
}

/** Parses one expression, which must be followed only by the end of its line or input. */
export function parseExpression(source: string | Uint8Array, options: ParseOptions = {}): ParseExpressionResult {
  const filename = options.filename ?? '';
  const tokens = new TokenStream(decodeSourceText(source), filename);
  return parser().parseExpression({ tokens, filename });
}
