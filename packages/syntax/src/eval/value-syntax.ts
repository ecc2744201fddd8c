/**
 * A value as a syntax tree, for the formatter to print (upstream's token builder).
 *
 * Upstream turns a value into tokens (`valueTokens`), writes them out as text with no
 * whitespace except a line break after an object's `{` and after each of its fields, then
 * parses that text and formats it. Here the value becomes the tree that text would parse
 * to, with the positions it would have: the formatter takes its layout decisions from
 * those positions (an object's fields each on their own line, an array on one line
 * unless an element spans several), and the text never makes a round trip through the
 * parser, whose nesting limit a deep value could exceed.
 */
import type { Expression, Identifier, Literal, LiteralType, ObjectField } from '../ast/nodes.js';
import { isValidIdentifier } from '../lexer/identifier.js';
import { quote } from '../lexer/quote.js';
import { byteLength } from '../source/source-text.js';
import type { Position } from '../source/position.js';
import { numberToString } from './number.js';
import { objectKeys } from './object-keys.js';
import { describe, type ObjectValue, type Value } from './value.js';

export function valueSyntax(value: Value): Expression {
  return new SyntaxWriter().value(value);
}

/** Builds nodes while tracking where their text would sit in upstream's token text. */
class SyntaxWriter {
  private offset = 0;
  private line = 1;
  private column = 1;

  value(value: Value): Expression {
    switch (value.type) {
      case 'null':
        return this.literal('null', 'null');
      case 'number':
        return this.literal(numberToString(value), 'number');
      case 'string':
        return this.literal(quote(value.value), 'string');
      case 'bool':
        return this.literal(String(value.value), 'bool');
      case 'array':
        return this.array(value.elements);
      case 'object':
        return this.object(value);
      case 'function':
        return this.verbatim('function');
      case 'capsule': {
        // A capsule's own text (`(secret)`) wins; else its object view; else its type.
        const text = value.capsule.tokenize?.();
        if (text !== undefined) return this.verbatim(text);
        const asObject = value.capsule.asObject?.();
        return asObject !== undefined ? this.object(asObject) : this.verbatim(describe(value));
      }
    }
  }

  private array(elements: readonly Value[]): Expression {
    const start = this.write('[');
    const nodes = elements.map((element, i) => {
      if (i > 0) this.write(',');
      return this.value(element);
    });
    const end = this.write(']');
    return { kind: 'Array', elements: nodes, start, end };
  }

  /** `{`, a line break, then `key=value,` and a line break per field, then `}`. */
  private object(object: ObjectValue): Expression {
    const start = this.write('{');
    this.newline();
    const fields = objectKeys(object).map((key): ObjectField => {
      const field = this.key(key);
      this.write('=');
      const value = this.value(object.fields.get(key)!);
      this.write(',');
      this.newline();
      return { ...field, value };
    });
    const end = this.write('}');
    return { kind: 'Object', fields, start, end };
  }

  /**
   * An identifier key as it is, any other quoted (`"non ident"`). The tree keeps a quoted
   * key as the text between its quotes, still escaped, as the parser does; `""` stays the
   * two-character key the parser makes of it.
   */
  private key(key: string): { name: Identifier; quoted: boolean } {
    const text = isValidIdentifier(key) ? key : quote(key);
    const quoted = text !== key && text.length > 2;
    const start = this.position();
    const end = this.write(text);
    return { name: { kind: 'Identifier', name: quoted ? text.slice(1, -1) : text, start, end }, quoted };
  }

  private literal(raw: string, type: LiteralType): Literal {
    const start = this.position();
    const end = this.write(raw);
    return { kind: 'Literal', type, raw, start, end };
  }

  /** Text printed exactly as given (`function`, `(secret)`, `capsule("…")`). */
  private verbatim(text: string): Literal {
    return this.literal(text, 'string');
  }

  /** Advances over `text` (never a line break) and returns the position of its last byte. */
  private write(text: string): Position {
    const length = byteLength(text);
    this.offset += length;
    this.column += length;
    return { offset: this.offset - 1, line: this.line, column: this.column - 1 };
  }

  private newline(): void {
    this.offset += 1;
    this.line += 1;
    this.column = 1;
  }

  private position(): Position {
    return { offset: this.offset, line: this.line, column: this.column };
  }
}
