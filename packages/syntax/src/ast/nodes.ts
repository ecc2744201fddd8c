/**
 * The Alloy syntax tree. Nodes are plain, immutable data discriminated by `kind`.
 *
 * Every node has `start` and `end`; `end` is inclusive (the position of the node's last
 * byte), as upstream's `ast.EndPos`, so diagnostics underline exactly the node.
 * Literals keep their raw source text: the formatter reprints them byte for byte and the
 * evaluator decodes them.
 */
import type { Position } from '../source/position.js';

export interface Span {
  readonly start: Position;
  /** Inclusive: the position of the last byte of the node. */
  readonly end: Position;
}

export interface File {
  readonly kind: 'File';
  /** The file name used in diagnostics; `''` when there is none. */
  readonly name: string;
  readonly body: Body;
  readonly comments: readonly CommentGroup[];
}

export type Body = readonly Statement[];

export type Statement = Attribute | Block;

export interface Attribute extends Span {
  readonly kind: 'Attribute';
  readonly name: Identifier;
  readonly value: Expression;
}

/** `start` is the first name fragment, `end` the closing `}`. */
export interface Block extends Span {
  readonly kind: 'Block';
  /** The dotted name split into its fragments: `pyroscope.write` is `['pyroscope', 'write']`. */
  readonly name: readonly string[];
  /** The label between the quotes (never unescaped), or `''` for an unlabelled block. */
  readonly label: string;
  /** Where the label's opening quote is; absent when the block has no label. */
  readonly labelPos?: Position;
  readonly body: Body;
  /** The `{`; the `}` is `end`. */
  readonly lCurly: Position;
}

export interface Identifier extends Span {
  readonly kind: 'Identifier';
  readonly name: string;
}

export type Expression =
  | Identifier
  | Literal
  | ArrayExpr
  | ObjectExpr
  | AccessExpr
  | IndexExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ParenExpr;

export type LiteralType = 'number' | 'float' | 'string' | 'bool' | 'null';

export interface Literal extends Span {
  readonly kind: 'Literal';
  readonly type: LiteralType;
  /** The literal exactly as written, quotes and escapes included. */
  readonly raw: string;
}

export interface ArrayExpr extends Span {
  readonly kind: 'Array';
  /** `start` is the `[`, `end` the `]`. */
  readonly elements: readonly Expression[];
}

export interface ObjectExpr extends Span {
  readonly kind: 'Object';
  /** `start` is the `{`, `end` the `}`. */
  readonly fields: readonly ObjectField[];
}

export interface ObjectField {
  /** The key. For a quoted key, its text between the quotes, never unescaped (upstream quirk). */
  readonly name: Identifier;
  /** True when the key was written as a string literal longer than `""`. */
  readonly quoted: boolean;
  readonly value: Expression;
}

export interface AccessExpr extends Span {
  readonly kind: 'Access';
  readonly value: Expression;
  readonly name: Identifier;
}

export interface IndexExpr extends Span {
  readonly kind: 'Index';
  readonly value: Expression;
  readonly index: Expression;
  /** The `[`; the `]` is `end`. */
  readonly lBrack: Position;
}

export interface CallExpr extends Span {
  readonly kind: 'Call';
  readonly callee: Expression;
  readonly args: readonly Expression[];
  /** The `(`; the `)` is `end`. */
  readonly lParen: Position;
}

export type UnaryOperator = '!' | '-';

export interface UnaryExpr extends Span {
  readonly kind: 'Unary';
  /** `start` is the operator. */
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

export type BinaryOperator =
  | '||' | '&&'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '+' | '-'
  | '*' | '/' | '%'
  | '^';

export interface BinaryExpr extends Span {
  readonly kind: 'Binary';
  readonly operator: BinaryOperator;
  readonly operatorPos: Position;
  readonly left: Expression;
  readonly right: Expression;
}

export interface ParenExpr extends Span {
  readonly kind: 'Paren';
  /** `start` is the `(`, `end` the `)`. */
  readonly inner: Expression;
}

/** A `//` or `/* *\/` comment. `text` includes the comment markers. */
export interface Comment extends Span {
  readonly text: string;
}

/** Adjacent comments (at most one line apart), as the formatter places them. */
export type CommentGroup = readonly Comment[];

export type Node = File | Statement | Expression;
