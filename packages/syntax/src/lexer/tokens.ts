/**
 * The vocabulary of the Alloy language as Chevrotain token types.
 *
 * A token type's `LABEL` is the name upstream prints in messages (`Token.String()`):
 * `IDENT`, `STRING`, `TERMINATOR` for the kinds with a literal, the operator text itself
 * (`+`, `{`, `)`) for the others, so "expected }, got STRING" reads as in Alloy.
 *
 * The patterns are `Lexer.NA`: tokens are produced by the hand-written scanner in
 * `scanner.ts`, which has to reproduce upstream's byte positions, newline-sensitive
 * terminator insertion and error texts exactly.
 */
import { EOF, Lexer, createToken, type TokenType } from 'chevrotain';

function token(name: string, label: string, categories?: TokenType[]): TokenType {
  return createToken({ name, label, pattern: Lexer.NA, ...(categories ? { categories } : {}) });
}

/** Every binary operator; the parser reads them through this one category. */
export const BinaryOperator = token('BinaryOperator', 'binary operator');

export const Illegal = token('Illegal', 'ILLEGAL');
export const Comment = token('Comment', 'COMMENT');
export const Ident = token('Ident', 'IDENT');
export const NumberLit = token('Number', 'NUMBER');
export const FloatLit = token('Float', 'FLOAT');
export const StringLit = token('String', 'STRING');
export const BoolLit = token('Bool', 'BOOL');
export const NullLit = token('Null', 'NULL');
export const Terminator = token('Terminator', 'TERMINATOR');

export const OrOr = token('OrOr', '||', [BinaryOperator]);
export const AndAnd = token('AndAnd', '&&', [BinaryOperator]);
export const Equal = token('Equal', '==', [BinaryOperator]);
export const NotEqual = token('NotEqual', '!=', [BinaryOperator]);
export const Less = token('Less', '<', [BinaryOperator]);
export const LessEqual = token('LessEqual', '<=', [BinaryOperator]);
export const Greater = token('Greater', '>', [BinaryOperator]);
export const GreaterEqual = token('GreaterEqual', '>=', [BinaryOperator]);
export const Plus = token('Plus', '+', [BinaryOperator]);
export const Minus = token('Minus', '-', [BinaryOperator]);
export const Star = token('Star', '*', [BinaryOperator]);
export const Slash = token('Slash', '/', [BinaryOperator]);
export const Percent = token('Percent', '%', [BinaryOperator]);
export const Caret = token('Caret', '^', [BinaryOperator]);

export const Bang = token('Bang', '!');
export const Assign = token('Assign', '=');
export const LCurly = token('LCurly', '{');
export const RCurly = token('RCurly', '}');
export const LParen = token('LParen', '(');
export const RParen = token('RParen', ')');
export const LBrack = token('LBrack', '[');
export const RBrack = token('RBrack', ']');
export const Comma = token('Comma', ',');
export const Dot = token('Dot', '.');

export { EOF };

/** All token types, in the order Chevrotain needs them (categories first). */
export const allTokens: readonly TokenType[] = [
  BinaryOperator,
  Illegal, Comment, Ident, NumberLit, FloatLit, StringLit, BoolLit, NullLit, Terminator,
  OrOr, AndAnd, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
  Plus, Minus, Star, Slash, Percent, Caret,
  Bang, Assign, LCurly, RCurly, LParen, RParen, LBrack, RBrack, Comma, Dot,
];

/** The name upstream uses for a token type in messages. */
export function tokenName(type: TokenType): string {
  return type === EOF ? 'EOF' : (type.LABEL ?? type.name);
}
