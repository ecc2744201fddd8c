/** The evaluator's public surface: values, scopes, evaluation and its errors. */
export { evaluate, evaluateTraced } from './evaluate.js';
export type { EvalResult, EvaluateOptions, TracedEvalResult } from './evaluate.js';
export { makeDiagnostic } from './diagnose.js';
export type { ValueOrigins } from './diagnose.js';
export { scopeOf, resolveIdentifier } from './scope.js';
export type { Scope } from './scope.js';
export { references } from './references.js';
export type { Traversal } from './references.js';
export { valuesEqual } from './equality.js';
export { numberToString, parseNumberString, toFloat, toInt, toUint } from './number.js';
export {
  Secret,
  OptionalSecret,
  secretValue,
  optionalSecretValue,
  asSecret,
  asOptionalSecret,
} from './secret.js';
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
} from './value.js';
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
} from './value.js';
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
} from './errors.js';
