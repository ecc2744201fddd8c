/**
 * @ingot/syntax: the Alloy configuration language. Source text and diagnostics; lexer,
 * parser and syntax tree; the formatter; values, evaluation and the standard library;
 * encodings; and the schemas components declare their arguments with.
 */

// Source text, positions and diagnostics
export { formatPosition, isValidPosition, NO_POSITION } from './source/position.js';
export type { Position } from './source/position.js';
export { decodeSourceText, encodeSourceText, byteLength } from './source/source-text.js';
export { formatDiagnostic, summarizeDiagnostics, hasErrors } from './diag/diagnostic.js';
export type { Diagnostic, Severity } from './diag/diagnostic.js';
export { renderDiagnostics } from './diag/render.js';
export type { RenderOptions, SourceFiles } from './diag/render.js';
export { shouldUseColor } from './diag/color.js';
export type { ColorContext } from './diag/color.js';

// Lexer, parser and the syntax tree
export type * from './ast/nodes.js';
export { parseFile, parseExpression } from './parser/parse.js';
export type { ParseOptions, ParseFileResult, ParseExpressionResult } from './parser/parse.js';
export { MAX_NESTING_DEPTH, MAX_TREE_DEPTH } from './parser/parser.js';
export { Scanner } from './lexer/scanner.js';
export type { ScannerOptions, ScanError } from './lexer/scanner.js';
export { tokenName } from './lexer/tokens.js';
export { isValidIdentifier, sanitizeIdentifier } from './lexer/identifier.js';
export { quote } from './lexer/quote.js';

// The formatter
export { format } from './printer/format.js';
export type { FormatOptions } from './printer/format.js';

// Values and evaluation
export { evaluate, evaluateTraced } from './eval/evaluate.js';
export type { EvalResult, EvaluateOptions, TracedEvalResult } from './eval/evaluate.js';
export { makeDiagnostic } from './eval/diagnose.js';
export type { ValueOrigins } from './eval/diagnose.js';
export { scopeOf, resolveIdentifier } from './eval/scope.js';
export type { Scope } from './eval/scope.js';
export { references } from './eval/references.js';
export type { Traversal } from './eval/references.js';
export { valuesEqual } from './eval/equality.js';
export { numberToString, parseNumberString, toFloat, toInt, toUint } from './eval/number.js';
export {
  Secret,
  OptionalSecret,
  secretValue,
  optionalSecretValue,
  asSecret,
  asOptionalSecret,
} from './eval/secret.js';
export {
  NULL,
  TRUE,
  FALSE,
  INT64_MIN,
  INT64_MAX,
  UINT64_MAX,
  int,
  uint,
  float,
  string,
  bool,
  array,
  object,
  capsule,
  typedFunction,
  rawFunction,
  describe,
} from './eval/value.js';
export type {
  Value,
  ValueType,
  NullValue,
  NumberValue,
  NumberKind,
  IntValue,
  UintValue,
  FloatValue,
  StringValue,
  BoolValue,
  ArrayValue,
  ObjectValue,
  FunctionValue,
  FunctionSignature,
  ParamType,
  CapsuleValue,
  Capsule,
} from './eval/value.js';
export {
  EvalError,
  ValueError,
  ValueTypeError,
  MissingKeyError,
  ElementError,
  FieldError,
  ArgError,
  DiagnosticError,
  PlainError,
} from './eval/errors.js';
export { printValue } from './eval/print.js';

// Encodings
export { marshalValue, marshalBody, UnsupportedValueError } from './encoding/alloyjson.js';
export type { EvaluatedBody, EvaluatedStatement, EvaluatedAttribute, EvaluatedBlock } from './encoding/alloyjson.js';

// The standard library
export { createStdlib, stdlibIdentifier, DEPRECATED_IDENTIFIERS, DEPRECATION_WARNING } from './stdlib/identifiers.js';
export type { StdlibOptions } from './stdlib/identifiers.js';
export { EXPERIMENTAL_IDENTIFIERS, stabilityError } from './stdlib/stability.js';
export type { StabilityLevel } from './stdlib/stability.js';
export type { Environment } from './stdlib/sys/env.js';
export type { Constants } from './stdlib/constants.js';

// Schemas: arguments and exports declared once, decoded, validated, documented
export { t } from './schema/types.js';
export type * from './schema/types.js';
export { attr, block, child, children, enumBlocks, mapBlock } from './schema/schema.js';
export type * from './schema/schema.js';
export { decodeBody, decodeBlock } from './schema/decode-body.js';
export type { DecodeOptions, DecodeResult } from './schema/decode-body.js';
export { decodeValue, zeroValue } from './schema/decode-value.js';
export { encodeBody } from './schema/encode-body.js';
export { encodeValue } from './schema/encode-value.js';
export { parseDuration, formatDuration, millisecondsToNanoseconds, nanosecondsToMilliseconds } from './schema/duration.js';
export type { DurationParse } from './schema/duration.js';
export { jsonSchema, validator } from './schema/json-schema.js';
export type { JsonSchema } from './schema/json-schema.js';
export { renderReference } from './schema/reference.js';
export type { ReferenceSchemas } from './schema/reference.js';
