/** @ingot/syntax: the Alloy configuration language front end. */
export type * from './ast/nodes.js';
export { parseFile, parseExpression } from './parser/parse.js';
export type { ParseOptions, ParseFileResult, ParseExpressionResult } from './parser/parse.js';
export { MAX_NESTING_DEPTH, MAX_TREE_DEPTH } from './parser/parser.js';
export { Scanner } from './lexer/scanner.js';
export type { ScannerOptions, ScanError } from './lexer/scanner.js';
export { tokenName } from './lexer/tokens.js';
export { isValidIdentifier, sanitizeIdentifier } from './lexer/identifier.js';
export { formatPosition, isValidPosition, NO_POSITION } from './source/position.js';
export type { Position } from './source/position.js';
export { decodeSourceText, encodeSourceText, byteLength } from './source/source-text.js';
export { formatDiagnostic, summarizeDiagnostics, hasErrors } from './diag/diagnostic.js';
export type { Diagnostic, Severity } from './diag/diagnostic.js';
export { quote } from './lexer/quote.js';
export { format } from './printer/format.js';
export type { FormatOptions } from './printer/format.js';
