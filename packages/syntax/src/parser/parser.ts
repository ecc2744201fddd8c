/**
 * The Alloy parser: a Chevrotain parser that builds the AST directly (embedded actions).
 *
 * The grammar is LL(1) and is recorded with Chevrotain's DSL, which gives grammar
 * validation and the railroad diagrams in `grammar/`. Decisions at run time, though, are
 * made on the next token by the small helpers at the bottom of this class (`choose`,
 * `optional`, `repeat`, `expect`) instead of Chevrotain's generic recovery: Alloy users
 * get exactly upstream's messages and upstream's recovery (report, skip to a safe token,
 * go on), so one run reports every mistake without a cascade.
 */
import { EmbeddedActionsParser, EOF, createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import type * as AST from '../ast/nodes.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { Position } from '../source/position.js';
import { isValidIdentifier } from '../lexer/identifier.js';
import { quote } from '../lexer/quote.js';
import { TokenStream } from '../lexer/token-stream.js';
import * as T from '../lexer/tokens.js';
import { tokenName } from '../lexer/tokens.js';
import { buildBinaryTree, type OperatorToken } from './precedence.js';

/**
 * How deeply brackets (`[`, `(`, `{` of objects, calls and indexes), blocks and unary
 * operators may nest. Deeper input gets one
 * diagnostic instead of exhausting the JavaScript stack (a recursive-descent parser spends
 * stack on every level); real configurations nest a handful of levels.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * How deep an expression tree may grow through binary operators (`a + b + ...`). The
 * parser reads operator chains without recursion, but the formatter and the evaluator
 * walk the tree recursively.
 */
export const MAX_TREE_DEPTH = 1000;

const PRIMARY_START: readonly TokenType[] = [
  T.Ident, T.StringLit, T.NumberLit, T.FloatLit, T.BoolLit, T.NullLit, T.LParen, T.LBrack, T.LCurly,
];
const LITERAL_TYPES = new Map<TokenType, AST.LiteralType>([
  [T.StringLit, 'string'], [T.NumberLit, 'number'], [T.FloatLit, 'float'], [T.BoolLit, 'bool'], [T.NullLit, 'null'],
]);
/** Where the rest of a broken expression ends (upstream's `statementEnd`). */
const EXPRESSION_END = new Set<TokenType>([T.Terminator, T.RParen, T.RCurly, T.RBrack, T.Comma]);

/** Subrule arguments, shared rather than allocated on every call. */
const UNTIL_EOF: { ARGS: [TokenType] } = { ARGS: [T.EOF] };
const UNTIL_RCURLY: { ARGS: [TokenType] } = { ARGS: [T.RCurly] };
const UNTIL_RPAREN: { ARGS: [TokenType] } = { ARGS: [T.RParen] };
const UNTIL_RBRACK: { ARGS: [TokenType] } = { ARGS: [T.RBrack] };

/**
 * What the grammar rules return while Chevrotain records them: nothing is built then
 * (it is what `ACTION` returns while recording, too).
 */
const NOT_BUILT = undefined as never;

/**
 * The alternatives of an OR, with a table from the next token to the alternative it
 * selects. Built once per parser: choosing is then a lookup, with no list of alternatives
 * and closures to allocate on every call. An alternative gets what it works on as an
 * argument instead of capturing it.
 */
class Choice<A, R> {
  private readonly byTokenType: ((arg: A) => R)[] = [];

  constructor(
    readonly alternatives: readonly { readonly when: readonly TokenType[]; readonly then: (arg: A) => R }[],
    /** Taken when no alternative starts with the next token; reports and recovers. */
    readonly otherwise: (arg: A) => R,
  ) {
    // The first alternative listing a token type wins, as when they are tried in order.
    for (const alt of [...alternatives].reverse()) for (const type of alt.when) this.byTokenType[type.tokenTypeIdx!] = alt.then;
  }

  pick(next: IToken): (arg: A) => R {
    return this.byTokenType[next.tokenTypeIdx] ?? this.otherwise;
  }
}

/** Token types as a table by `tokenTypeIdx`, for membership tests on hot paths. */
function tokenTypeTable(types: Iterable<TokenType>): boolean[] {
  const table: boolean[] = [];
  for (const type of types) table[type.tokenTypeIdx!] = true;
  return table;
}
const BINARY_OPERATORS = tokenTypeTable(T.allTokens.filter((t) => t.CATEGORIES?.includes(T.BinaryOperator)));
const POSTFIX_START = tokenTypeTable([T.Dot, T.LBrack, T.LParen]);

interface BlockName {
  readonly fragments: string[];
  readonly start: IToken;
  /** The token of the last fragment. */
  last: IToken;
  label: string;
  labelToken: IToken | undefined;
}

/** A list being read: the items so far, and the token that closes it. */
interface List<T> {
  readonly items: T[];
  readonly until: TokenType;
}

/** An operator chain being read: `operands[i]` comes before `operators[i]`. */
interface Chain {
  readonly operands: AST.Expression[];
  readonly operators: OperatorToken[];
}

/** A postfix expression being extended. */
interface Postfix {
  value: AST.Expression;
}

export interface ParserInput {
  /** Read as the parse goes; read to its end (all comments and scanner errors) when it is over. */
  readonly tokens: TokenStream;
  readonly filename: string;
}

/** Stands in for the stream and the tokens between parses. */
const NO_TOKENS = new TokenStream('');
const NO_TOKEN: IToken = createTokenInstance(EOF, '', NaN, NaN, NaN, NaN, NaN, NaN);

export class AlloyParser extends EmbeddedActionsParser {
  private filename = '';
  private diagnostics: Diagnostic[] = [];
  /**
   * The token source. The parser reads tokens as it goes instead of from an array
   * (see `LA` below), so that they do not all stay alive until the end of the parse.
   */
  private stream = NO_TOKENS;
  /** LA(1), always read. */
  private nextToken = NO_TOKEN;
  /** Tokens read beyond LA(1) by a longer lookahead: LA(2), LA(3), ... */
  private readonly lookahead: IToken[] = [];
  /** LA(0), the token consumed last. */
  private previousToken = NO_TOKEN;
  /** How many of the stream's scanner errors are in `diagnostics` already. */
  private nextScan = 0;
  /** Line of the last parser error: upstream drops a second parser error on the same line. */
  private lastErrorLine = 0;
  private depth = 0;
  /** Set when an unclosed list gave up at a line that starts a new statement. */
  private listAbandoned = false;

  constructor() {
    super(T.allTokens as TokenType[], { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** Parses a whole file; always returns a tree, possibly with gaps where input was broken. */
  parseFile(input: ParserInput): { body: AST.Body; diagnostics: Diagnostic[] } {
    this.load(input);
    const body = this.guarded(() => this.file(), (): AST.Body => []);
    return { body, diagnostics: this.finish() };
  }

  /** Parses one expression that must be followed by the end of the line or input. */
  parseExpression(input: ParserInput): { expression: AST.Expression; diagnostics: Diagnostic[] } {
    this.load(input);
    const expression = this.guarded(() => this.standaloneExpression(), nullAt);
    return { expression, diagnostics: this.finish() };
  }

  /**
   * The nesting limits keep the parser well inside the default stack. Should a caller
   * already be deep in its own stack, running out is still a diagnostic, not a crash.
   */
  private guarded<R>(parse: () => R, fallback: (at: IToken) => R): R {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const at = this.LA(1);
      this.report(start(at), 'nesting is too deep for the available stack');
      return fallback(at);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Grammar
  //
  // The rules run twice over: once while Chevrotain records the grammar (RECORDING_PHASE,
  // when every branch is walked and nothing is built) and then for every parse. For speed,
  // the parts that run once per token avoid allocating at parse time: ORs choose through
  // `Choice` tables, loops and options call arrow functions created once per parser with
  // explicit arguments, and a rule returns early when the next token shows that there is
  // nothing to loop over.

  private readonly file = this.RULE('file', (): AST.Body => this.SUBRULE(this.body, UNTIL_EOF));

  /** Body = [ Statement { TERMINATOR Statement } ] ; ends before `until`. */
  private readonly body = this.RULE('body', (until: TokenType = T.RCurly): AST.Body => {
    const list: List<AST.Statement> = { items: [], until };
    this.repeat(1, this.bodyContinues, this.bodyStatement, list);
    return list.items;
  });

  private readonly bodyContinues = (list: List<AST.Statement>): boolean => !this.at(list.until) && !this.at(T.EOF);

  private readonly bodyStatement = (list: List<AST.Statement>): void => {
    const statement = this.SUBRULE(this.statement);
    if (statement !== undefined && !this.RECORDING_PHASE) list.items.push(statement);
    this.optional(2, !this.at(list.until), this.statementEnd, undefined);
  };

  private readonly statementEnd = (): void => {
    if (!this.RECORDING_PHASE && !this.at(T.Terminator)) {
      this.error(`expected TERMINATOR, got ${this.current()}`);
      this.skipStatement();
    }
    this.advanceOver(T.Terminator);
  };

  /** Statement = BlockName ( "=" Expression | "{" Body "}" ) */
  private readonly statement = this.RULE('statement', (): AST.Statement | undefined => {
    if (!this.RECORDING_PHASE && !this.at(T.Ident)) {
      this.error(`expected identifier, got ${this.current()}`);
      this.skipUntil(T.Ident);
      return undefined;
    }
    const name = this.SUBRULE(this.blockName);
    return this.choose(3, this.statementKinds, name);
  });

  private readonly statementKinds = new Choice<BlockName, AST.Statement | undefined>([
    { when: [T.Assign], then: (name) => this.attribute(name) },
    { when: [T.LCurly], then: (name) => this.block(name) },
  ], (name) => {
    const single = name.fragments.length === 1 && name.label === '';
    this.error(single
      ? `expected attribute assignment or block body, got ${this.current()}`
      : `expected block body, got ${this.current()}`);
    this.skipUntil(T.Ident);
    return undefined;
  });

  private attribute(name: BlockName): AST.Attribute {
    this.consume(4, T.Assign);
    if (!this.RECORDING_PHASE) {
      if (name.fragments.length !== 1) {
        this.report(start(name.start), 'attribute names may only consist of a single identifier with no "."',
          end(name.last));
      } else if (name.labelToken !== undefined) {
        this.report(start(name.labelToken), 'attribute names may not have labels', end(name.labelToken));
      }
    }
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return {
      kind: 'Attribute',
      name: identifier(name.fragments[0]!, name.start),
      value,
      start: start(name.start),
      end: value.end,
    };
  }

  private block(name: BlockName): AST.Block {
    const lCurly = this.consume(5, T.LCurly);
    const body = this.nested(this.blockBody, undefined, emptyList);
    const rCurly = this.expect(6, T.RCurly);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    // Written out twice so that `labelPos` is absent, not undefined, without a label.
    if (name.labelToken === undefined) {
      return {
        kind: 'Block', name: name.fragments, label: name.label, body,
        lCurly: start(lCurly), start: start(name.start), end: start(rCurly),
      };
    }
    return {
      kind: 'Block', name: name.fragments, label: name.label, labelPos: start(name.labelToken), body,
      lCurly: start(lCurly), start: start(name.start), end: start(rCurly),
    };
  }

  private readonly blockBody = (): AST.Body => this.SUBRULE2(this.body, UNTIL_RCURLY);

  /** BlockName = IDENT { "." IDENT } [ STRING ] */
  private readonly blockName = this.RULE('blockName', (): BlockName => {
    const first = this.consume(1, T.Ident);
    const name: BlockName = { fragments: [first.image], start: first, last: first, label: '', labelToken: undefined };
    this.repeat(2, this.atDot, this.blockNameFragment, name);
    this.optional(5, !this.at(T.Assign) && !this.at(T.LCurly), this.blockLabel, name);
    return name;
  });

  private readonly atDot = (): boolean => this.at(T.Dot);

  private readonly blockNameFragment = (name: BlockName): void => {
    this.consume(3, T.Dot);
    name.last = this.expectIdentifier(4, 'expected identifier, got');
    name.fragments.push(name.last.image);
  };

  private readonly blockLabel = (name: BlockName): void => {
    if (!this.RECORDING_PHASE && !this.at(T.StringLit)) {
      this.error(`expected block label, got ${this.current()}`);
      this.skipToken();
      return;
    }
    const tok = this.consume(6, T.StringLit);
    if (this.RECORDING_PHASE) return;
    if (!tok.image.startsWith('"')) {
      this.error(`expected block label to be a double quoted string, but got ${quote(tok.image)}`, tok);
    }
    if (tok.image.length > 2) {
      name.label = tok.image.slice(1, -1);
      if (!isValidIdentifier(name.label)) {
        this.error(`expected block label to be a valid identifier, but got ${quote(name.label)}`, tok);
      }
    }
    name.labelToken = tok;
  };

  /** ParseExpression: one expression, then the end of the line or input. */
  private readonly standaloneExpression = this.RULE('standaloneExpression', (): AST.Expression => {
    const expression = this.SUBRULE(this.expression);
    this.expect(1, T.Terminator);
    return expression;
  });

  /**
   * Expression = Unary { BinaryOperator Unary }. Operators are collected flat and arranged
   * by precedence afterwards (see `precedence.ts`), which keeps the parser's call depth low.
   */
  private readonly expression = this.RULE('expression', (): AST.Expression => {
    const first = this.SUBRULE(this.unary);
    // Most expressions are a single operand.
    if (!this.RECORDING_PHASE && !this.atBinaryOperator()) return first;
    const chain: Chain = { operands: [first], operators: [] };
    this.repeat(1, this.atBinaryOperator, this.chainLink, chain);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return buildBinaryTree(chain.operands, chain.operators);
  });

  private readonly atBinaryOperator = (): boolean => BINARY_OPERATORS[this.LA(1).tokenTypeIdx] === true;

  private readonly chainLink = (chain: Chain): void => {
    if (!this.RECORDING_PHASE && this.depth + chain.operators.length >= MAX_TREE_DEPTH) {
      // Each operator adds a level to the tree; a chain this long would be as deep.
      this.tooDeep(true, MAX_TREE_DEPTH);
      return;
    }
    const op = this.consume(2, T.BinaryOperator);
    const right = this.SUBRULE2(this.unary);
    if (this.RECORDING_PHASE) return;
    chain.operators.push({ operator: op.image as AST.BinaryOperator, position: start(op) });
    chain.operands.push(right);
  };

  /** Unary = ( "!" | "-" ) Unary | Postfix */
  private readonly unary = this.RULE('unary', (): AST.Expression => this.choose(1, this.unaryKinds, undefined));

  private readonly unaryKinds = new Choice<void, AST.Expression>([
    { when: [T.Bang, T.Minus], then: () => this.unaryOperation() },
    { when: PRIMARY_START, then: () => this.SUBRULE(this.postfix) },
  ], () => this.SUBRULE2(this.postfix));

  private unaryOperation(): AST.Expression {
    const op = this.choose(2, this.unaryOperators, undefined);
    const operand = this.nested(this.unaryOperand, undefined, nullAt);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return { kind: 'Unary', operator: op.image as AST.UnaryOperator, operand, start: start(op), end: operand.end };
  }

  private readonly unaryOperators = new Choice<void, IToken>([
    { when: [T.Bang], then: () => this.consume(2, T.Bang) },
    { when: [T.Minus], then: () => this.consume(3, T.Minus) },
  ], () => this.LA(1));

  private readonly unaryOperand = (): AST.Expression => this.SUBRULE3(this.unary);

  /** Postfix = Primary { "." IDENT | "[" Expression "]" | "(" [ ExpressionList ] ")" } */
  private readonly postfix = this.RULE('postfix', (): AST.Expression => {
    const value = this.SUBRULE(this.primary);
    // Most operands are a plain name or literal.
    if (!this.RECORDING_PHASE && !this.atPostfix()) return value;
    const postfix: Postfix = { value };
    this.repeat(1, this.atPostfix, this.postfixOperation, postfix);
    return postfix.value;
  });

  private readonly atPostfix = (): boolean => POSTFIX_START[this.LA(1).tokenTypeIdx] === true || this.atBlockAsValue();

  private readonly postfixOperation = (postfix: Postfix): void => {
    postfix.value = this.choose(2, this.postfixOperations, postfix.value);
  };

  private readonly postfixOperations = new Choice<AST.Expression, AST.Expression>([
    { when: [T.Dot], then: (value) => this.access(value) },
    { when: [T.LBrack], then: (value) => this.index(value) },
    { when: [T.LParen], then: (value) => this.call(value) },
  ], (value) => this.blockAsValue(value));

  private access(value: AST.Expression): AST.Expression {
    this.consume(3, T.Dot);
    const name = this.expectIdentifier(4, 'expected IDENT, got');
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return { kind: 'Access', value, name: identifier(name.image, name), start: value.start, end: end(name) };
  }

  private index(value: AST.Expression): AST.Expression {
    const lBrack = this.consume(5, T.LBrack);
    const index = this.nested(this.indexExpression, undefined, nullAt);
    const rBrack = this.expect(6, T.RBrack);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return { kind: 'Index', value, index, lBrack: start(lBrack), start: value.start, end: start(rBrack) };
  }

  private readonly indexExpression = (): AST.Expression => this.SUBRULE(this.expression);

  private call(callee: AST.Expression): AST.Expression {
    const lParen = this.consume(7, T.LParen);
    const args = this.optional(8, !this.at(T.RParen), this.callArguments, undefined) ?? [];
    const rParen = this.closeList(9, T.RParen, args);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return { kind: 'Call', callee, args, lParen: start(lParen), start: callee.start, end: rParen };
  }

  private readonly callArguments = (): AST.Expression[] => this.nested(this.argumentList, undefined, emptyList<AST.Expression>);

  private readonly argumentList = (): AST.Expression[] => this.SUBRULE(this.expressionList, UNTIL_RPAREN);

  /**
   * Not part of the language: `x = a.b "label" { ... }` looks like a block used as a value.
   * The block is parsed to say exactly that, instead of a confusing syntax error.
   */
  private blockAsValue(value: AST.Expression): AST.Expression {
    if (this.at(T.StringLit)) this.skipToken();
    if (this.expect(0, T.LCurly).tokenType !== T.LCurly) {
      this.skipStatement();
      return value;
    }
    this.nested(this.blockAsValueBody, undefined, emptyList);
    const rCurly = this.expect(0, T.RCurly);
    if (rCurly.tokenType !== T.RCurly) {
      this.skipStatement();
      return value;
    }
    this.report(value.start, 'cannot use a block as an expression', start(rCurly));
    return value;
  }

  private readonly blockAsValueBody = (): AST.Body => this.SUBRULE3(this.body, UNTIL_RCURLY);

  private atBlockAsValue(): boolean {
    return !this.RECORDING_PHASE && (this.at(T.StringLit) || this.at(T.LCurly));
  }

  /** Primary = IDENT | literal | "(" Expression ")" | Array | Object */
  private readonly primary = this.RULE('primary', (): AST.Expression => this.choose(1, this.primaryKinds, undefined));

  private readonly primaryKinds = new Choice<void, AST.Expression>([
    { when: [T.Ident], then: () => {
      const tok = this.consume(2, T.Ident);
      return this.RECORDING_PHASE ? NOT_BUILT : identifier(tok.image, tok);
    } },
    { when: [T.StringLit, T.NumberLit, T.FloatLit, T.BoolLit, T.NullLit], then: () => this.literal() },
    { when: [T.LParen], then: () => this.SUBRULE(this.paren) },
    { when: [T.LBrack], then: () => this.SUBRULE(this.array) },
    { when: [T.LCurly], then: () => this.SUBRULE(this.object) },
  ], () => {
    // Upstream replaces the missing expression by `null` and skips the rest of it.
    const at = this.LA(1);
    this.error(`expected expression, got ${this.current()}`);
    while (!this.at(T.EOF) && !EXPRESSION_END.has(this.LA(1).tokenType)) this.skipToken();
    return nullAt(at);
  });

  private literal(): AST.Literal {
    const tok = this.choose(3, this.literalKinds, undefined);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    const tokStart = start(tok);
    // A one-byte literal (a digit) starts and ends at the same position.
    const tokEnd = tok.endOffset === tok.startOffset ? tokStart : end(tok);
    return { kind: 'Literal', type: LITERAL_TYPES.get(tok.tokenType)!, raw: tok.image, start: tokStart, end: tokEnd };
  }

  private readonly literalKinds = new Choice<void, IToken>([
    { when: [T.StringLit], then: () => this.consume(4, T.StringLit) },
    { when: [T.NumberLit], then: () => this.consume(5, T.NumberLit) },
    { when: [T.FloatLit], then: () => this.consume(6, T.FloatLit) },
    { when: [T.BoolLit], then: () => this.consume(7, T.BoolLit) },
    { when: [T.NullLit], then: () => this.consume(8, T.NullLit) },
  ], () => this.LA(1));

  /** Paren = "(" Expression ")" */
  private readonly paren = this.RULE('paren', (): AST.Expression => {
    const lParen = this.consume(1, T.LParen);
    const inner = this.nested(this.parenExpression, undefined, nullAt);
    const rParen = this.expect(2, T.RParen);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return { kind: 'Paren', inner, start: start(lParen), end: start(rParen) };
  });

  private readonly parenExpression = (): AST.Expression => this.SUBRULE(this.expression);

  /** Array = "[" [ ExpressionList ] "]" */
  private readonly array = this.RULE('array', (): AST.Expression => {
    const lBrack = this.consume(1, T.LBrack);
    const elements = this.optional(2, !this.at(T.RBrack), this.arrayElements, undefined) ?? [];
    const rBrack = this.closeList(3, T.RBrack, elements);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return { kind: 'Array', elements, start: start(lBrack), end: rBrack };
  });

  private readonly arrayElements = (): AST.Expression[] => this.nested(this.elementList, undefined, emptyList<AST.Expression>);

  private readonly elementList = (): AST.Expression[] => this.SUBRULE(this.expressionList, UNTIL_RBRACK);

  /** Object = "{" [ FieldList ] "}" */
  private readonly object = this.RULE('object', (): AST.Expression => {
    const lCurly = this.consume(1, T.LCurly);
    // Upstream compares with `]` here (sic), so `{}` goes through the field list, which
    // stops at once; only `{]` behaves differently: "expected }, got ]".
    const fields = this.optional(2, !this.at(T.RBrack), this.objectFields, undefined) ?? [];
    const rCurly = this.expect(3, T.RCurly);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    return { kind: 'Object', fields, start: start(lCurly), end: start(rCurly) };
  });

  private readonly objectFields = (): AST.ObjectField[] => this.nested(this.fieldListRule, undefined, emptyList<AST.ObjectField>);

  private readonly fieldListRule = (): AST.ObjectField[] => this.SUBRULE(this.fieldList);

  /** ExpressionList = Expression { "," Expression } [ "," ] */
  private readonly expressionList = this.RULE('expressionList', (until: TokenType = T.RBrack): AST.Expression[] => {
    const list: List<AST.Expression> = { items: [], until };
    this.repeat(1, this.expressionListContinues, this.expressionListItem, list);
    return list.items;
  });

  private readonly expressionListContinues = (list: List<AST.Expression>): boolean =>
    !this.at(list.until) && !this.at(T.EOF) && !this.listAbandoned;

  private readonly expressionListItem = (list: List<AST.Expression>): void => {
    const item = this.SUBRULE(this.expression);
    if (!this.RECORDING_PHASE) list.items.push(item);
    this.optional(2, !this.at(list.until), this.expressionListSeparator, undefined);
  };

  private readonly expressionListSeparator = (): void => {
    if (!this.RECORDING_PHASE && this.at(T.Terminator) && this.statementFollows()) {
      // An unclosed `[` or `(` would otherwise swallow the statements after it, one
      // "missing ','" per line. Beyond upstream: report once, leave the line to the body.
      this.error('missing \',\' in expression list');
      this.listAbandoned = true;
      return;
    }
    this.separator(3, 'missing \',\' in expression list');
  };

  /** After an abandoned list, the closing bracket is not looked for (its error is reported). */
  private closeList(idx: number, type: TokenType, items: readonly AST.Expression[]): Position {
    if (this.listAbandoned) {
      this.listAbandoned = false;
      return items[items.length - 1]!.end;
    }
    return start(this.expect(idx, type));
  }

  /** Whether the tokens after the current TERMINATOR read `name [. name]* ["label"] (= | {)`. */
  private statementFollows(): boolean {
    let k = 2;
    if (this.LA(k).tokenType !== T.Ident) return false;
    for (k++; this.LA(k).tokenType === T.Dot && this.LA(k + 1).tokenType === T.Ident; k += 2);
    if (this.LA(k).tokenType === T.StringLit) k++;
    const next = this.LA(k).tokenType;
    return next === T.Assign || next === T.LCurly;
  }

  /** FieldList = Field { "," Field } [ "," ] */
  private readonly fieldList = this.RULE('fieldList', (): AST.ObjectField[] => {
    const list: List<AST.ObjectField> = { items: [], until: T.RCurly };
    this.repeat(1, this.fieldListContinues, this.fieldListItem, list);
    return list.items;
  });

  private readonly fieldListContinues = (): boolean => !this.at(T.RCurly) && !this.at(T.EOF);

  private readonly fieldListItem = (list: List<AST.ObjectField>): void => {
    const field = this.SUBRULE(this.field);
    if (!this.RECORDING_PHASE) list.items.push(field);
    this.optional(2, !this.at(T.RCurly), this.fieldSeparator, undefined);
  };

  private readonly fieldSeparator = (): void => this.separator(3, 'missing \',\' in field list');

  /** Field = ( IDENT | STRING ) "=" Expression */
  private readonly field = this.RULE('field', (): AST.ObjectField => {
    const nameToken = this.choose(1, this.fieldNames, undefined);
    this.expect(4, T.Assign);
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return NOT_BUILT;
    // Upstream strips the quotes of a quoted key but does not unescape it.
    const quoted = nameToken.tokenType === T.StringLit && nameToken.image.length > 2;
    const key = quoted ? nameToken.image.slice(1, -1) : nameToken.image;
    return { name: identifier(key, nameToken), quoted, value };
  });

  private readonly fieldNames = new Choice<void, IToken>([
    { when: [T.Ident], then: () => this.consume(2, T.Ident) },
    { when: [T.StringLit], then: () => this.consume(3, T.StringLit) },
  ], () => {
    const at = this.LA(1);
    this.error(`expected field name (string or identifier), got ${this.current()}`);
    this.skipUntil(T.Assign);
    return at;
  });

  // ---------------------------------------------------------------------------------------
  // Decisions and recovery

  /** Records an OR of the alternatives; at run time picks one by the next token. */
  private choose<A, R>(idx: number, choice: Choice<A, R>, arg: A): R {
    if (this.RECORDING_PHASE) return this.or(idx, choice.alternatives.map((alt) => ({ ALT: () => alt.then(arg) })));
    return choice.pick(this.LA(1))(arg);
  }

  /** Records an OPTION; at run time calls `part(arg)` when `when` holds. Returns its result. */
  private optional<A, R>(idx: number, when: boolean, part: (arg: A) => R, arg: A): R | undefined {
    if (this.RECORDING_PHASE) {
      this.option(idx, () => part(arg));
      return undefined;
    }
    return when ? part(arg) : undefined;
  }

  /** Records a MANY; at run time calls `part(arg)` while `condition(arg)` holds. */
  private repeat<A>(idx: number, condition: (arg: A) => boolean, part: (arg: A) => void, arg: A): void {
    if (this.RECORDING_PHASE) this.many(idx, () => part(arg));
    else while (condition(arg)) part(arg);
  }

  /** Consumes the next token, reporting `expected X, got Y` when it is not `type`. */
  private expect(idx: number, type: TokenType): IToken {
    if (this.RECORDING_PHASE || this.at(type)) return this.consume(idx, type);
    const tok = this.LA(1);
    this.error(`expected ${tokenName(type)}, got ${this.current()}`);
    this.skipToken();
    return tok;
  }

  private expectIdentifier(idx: number, message: string): IToken {
    if (this.RECORDING_PHASE || this.at(T.Ident)) return this.consume(idx, T.Ident);
    const tok = this.LA(1);
    this.error(`${message} ${this.current()}`);
    this.skipToken();
    return tok;
  }

  private separator(idx: number, message: string): void {
    if (!this.RECORDING_PHASE && !this.at(T.Comma)) {
      this.error(message);
      this.skipToken();
      return;
    }
    this.consume(idx, T.Comma);
  }

  private advanceOver(type: TokenType): void {
    if (this.RECORDING_PHASE) this.consume(1, type);
    else this.skipToken();
  }

  /**
   * Runs `parse` one nesting level deeper. Past the limit it reports once, skips the rest
   * of the construct and stands `fallback` in for it.
   */
  private nested<A, R>(parse: (arg: A) => R, arg: A, fallback: (at: IToken) => R): R {
    if (this.RECORDING_PHASE) return parse(arg);
    if (this.depth >= MAX_NESTING_DEPTH) {
      const at = this.LA(1);
      this.tooDeep(false, MAX_NESTING_DEPTH);
      return fallback(at);
    }
    this.depth++;
    try {
      return parse(arg);
    } finally {
      this.depth--;
    }
  }

  /**
   * Reports nesting past the limit and skips to the bracket that closes the enclosing
   * construct (or, within an expression, to where the expression ends).
   */
  private tooDeep(withinExpression: boolean, limit: number): void {
    this.report(start(this.LA(1)), `nesting is too deep: more than ${limit} levels`);
    let balance = 0;
    for (let tok = this.LA(1); tok.tokenType !== T.EOF; tok = this.LA(1)) {
      const type = tok.tokenType;
      if (type === T.LBrack || type === T.LParen || type === T.LCurly) balance++;
      else if (type === T.RBrack || type === T.RParen || type === T.RCurly) {
        if (balance === 0) break;
        balance--;
      } else if (withinExpression && balance === 0 && EXPRESSION_END.has(type)) break;
      this.skipToken();
    }
  }

  /** Skips to the end of the statement: a TERMINATOR outside any bracket pair. */
  private skipStatement(): void {
    let curly = 0;
    let brack = 0;
    let paren = 0;
    for (let tok = this.LA(1); tok.tokenType !== T.EOF; tok = this.LA(1)) {
      switch (tok.tokenType) {
        case T.LCurly: curly++; break;
        case T.RCurly: curly--; break;
        case T.LBrack: brack++; break;
        case T.RBrack: brack--; break;
        case T.LParen: paren++; break;
        case T.RParen: paren--; break;
        case T.Terminator:
          if (curly <= 0 && brack <= 0 && paren <= 0) return;
      }
      this.skipToken();
    }
  }

  private skipUntil(type: TokenType): void {
    while (!this.at(T.EOF) && !this.at(type)) this.skipToken();
  }

  /** Moves past the next token, never past the final EOF. */
  private skipToken(): void {
    if (!this.at(T.EOF)) this.SKIP_TOKEN();
  }

  private at(type: TokenType): boolean {
    return this.LA(1).tokenType === type;
  }

  private current(): string {
    return tokenName(this.LA(1).tokenType);
  }

  // ---------------------------------------------------------------------------------------
  // Diagnostics

  private load(input: ParserInput): void {
    // Resets Chevrotain's state; the tokens come from the stream, not from this array.
    this.input = [];
    this.stream = input.tokens;
    this.lookahead.length = 0;
    this.previousToken = NO_TOKEN;
    this.nextToken = this.stream.next();
    this.filename = input.filename;
    this.diagnostics = [];
    this.nextScan = 0;
    this.lastErrorLine = 0;
    this.depth = 0;
    this.listAbandoned = false;
  }

  private finish(): Diagnostic[] {
    // Scanner errors after the end of what was parsed (after a standalone expression) count too.
    this.stream.drain();
    this.flushScanDiagnostics(Infinity);
    const diagnostics = this.diagnostics;
    this.diagnostics = [];
    this.stream = NO_TOKENS;
    this.nextToken = NO_TOKEN;
    this.previousToken = NO_TOKEN;
    this.lookahead.length = 0;
    return diagnostics;
  }

  /** A parser error at the current token (or `at`), dropped if on the line of the last one. */
  private error(message: string, at: IToken = this.LA(1)): void {
    const pos = start(at);
    if (pos.line === this.lastErrorLine) return;
    this.lastErrorLine = pos.line;
    this.report(pos, message);
  }

  /** A diagnostic that is never de-duplicated. */
  private report(startPos: Position, message: string, endPos?: Position): void {
    this.flushScanDiagnostics(this.LA(1).startOffset);
    this.diagnostics.push({
      severity: 'error', message, file: this.filename, start: startPos, ...(endPos ? { end: endPos } : {}),
    });
  }

  /**
   * Upstream scans one token ahead of the parser, so its scanner errors interleave with
   * parser errors; this keeps that order although Ingot's lookahead can run further ahead
   * (and a TERMINATOR can share its offset with the comment after it).
   */
  private flushScanDiagnostics(upToOffset: number): void {
    // Every token starting up to `upToOffset` must have been scanned: a token can start
    // where LA(1) does (a comment after the TERMINATOR put in front of it).
    for (let k = 1; this.LA(k).startOffset <= upToOffset && this.LA(k).tokenType !== T.EOF; k++);
    const stream = this.stream;
    while (this.nextScan < stream.errorCount && stream.errorOffset(this.nextScan) <= upToOffset) {
      this.diagnostics.push(stream.diagnostic(this.nextScan++));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Token source
  //
  // Chevrotain reads tokens through these methods (its lexer adapter, which is meant to be
  // overridden for lazy lexers); here they read from the stream as the parse goes instead
  // of indexing an array of all the tokens. The grammar is LL(1): LA(1) is always read,
  // further lookahead only on the rare paths that need it.

  protected override LA(howMuch: number): IToken {
    if (howMuch === 1) return this.nextToken;
    if (howMuch <= 0) return this.previousToken;
    while (this.lookahead.length < howMuch - 1) this.lookahead.push(this.stream.next());
    return this.lookahead[howMuch - 2]!;
  }

  protected override LA_FAST(howMuch: number): IToken {
    return this.LA(howMuch);
  }

  /** Moves to the next token (the final EOF token repeats itself). */
  consumeToken(): void {
    // Read first: should the stack run out while reading, nothing has moved.
    const next = this.lookahead.length > 0 ? this.lookahead.shift()! : this.stream.next();
    this.previousToken = this.nextToken;
    this.nextToken = next;
  }

  protected override SKIP_TOKEN(): IToken {
    this.consumeToken();
    return this.nextToken;
  }
}

function start(tok: IToken): Position {
  return { offset: tok.startOffset, line: tok.startLine!, column: tok.startColumn! };
}

function end(tok: IToken): Position {
  return { offset: tok.endOffset!, line: tok.endLine!, column: tok.endColumn! };
}

function emptyList<T>(): T[] {
  return [];
}

function nullAt(tok: IToken): AST.Literal {
  return { kind: 'Literal', type: 'null', raw: 'null', start: start(tok), end: start(tok) };
}

function identifier(name: string, tok: IToken): AST.Identifier {
  return { kind: 'Identifier', name, start: start(tok), end: end(tok) };
}

