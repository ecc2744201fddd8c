/**
 * JSONPath expressions in the dialect of ojg (`github.com/ohler55/ojg/jp`), which
 * upstream's `json_path` uses: an optional leading `$` (`.key` and `key` mean `$.key`),
 * `.name`, `..` descent, `*`, `[n]` (negative from the end), `[a:b:c]` slices,
 * `['a','b']`/`[1,2]` unions and `[?(...)]` filters comparing `@`/`$` paths and literals
 * with `== != < <= > >= =~` under `&& || !`.
 *
 * Parse errors read `<problem> at <offset> in <path>` like ojg's; the exact wording of the
 * problems is Ingot's.
 */
import { RE2JS } from 're2js';
import { PlainError } from '../../eval/errors.js';

export type Fragment =
  | { readonly kind: 'child'; readonly keys: readonly string[] }
  | { readonly kind: 'index'; readonly indexes: readonly number[] }
  | { readonly kind: 'slice'; readonly start?: number; readonly end?: number; readonly step: number }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'descent' }
  | { readonly kind: 'filter'; readonly condition: Condition };

export type Condition =
  | { readonly kind: 'path'; readonly root: '@' | '$'; readonly fragments: readonly Fragment[] }
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'regex'; readonly regex: Pattern }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Condition; readonly right: Condition };

const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ['||', 1], ['&&', 2], ['==', 3], ['!=', 3], ['=~', 3], ['<', 4], ['<=', 4], ['>', 4], ['>=', 4],
]);
const NAME = /^[^.[\]()\s=!<>&|,'"]+/;

/**
 * A compiled `=~` pattern. RE2 syntax and linear-time matching, as Go's regexp: a
 * backtracking JavaScript RegExp could be made to run for hours by a hostile pattern.
 */
export class Pattern {
  constructor(private readonly compiled: RE2JS) {}

  test(text: string): boolean {
    return this.compiled.matcher(text).find();
  }
}

export function parseJsonPath(path: string): Fragment[] {
  return new PathParser(path).parseRoot();
}

class PathParser {
  #at = 0;

  constructor(private readonly text: string) {}

  parseRoot(): Fragment[] {
    if (this.text[0] === '$') this.#at = 1;
    else if (this.text[0] !== '.' && this.text[0] !== '[' && this.text !== '') {
      // A bare first name is a child of the root, as if written `$.name`.
      return [this.#name(), ...this.#fragments(() => this.#at >= this.text.length)];
    }
    return this.#fragments(() => this.#at >= this.text.length);
  }

  #fragments(done: () => boolean): Fragment[] {
    const fragments: Fragment[] = [];
    while (!done()) {
      const c = this.text[this.#at];
      if (c === '.') {
        this.#at++;
        if (this.text[this.#at] === '.') {
          this.#at++;
          fragments.push({ kind: 'descent' });
          if (this.text[this.#at] === '[') continue;
        }
        if (this.text[this.#at] === '*') {
          this.#at++;
          fragments.push({ kind: 'wildcard' });
        } else fragments.push(this.#name());
      } else if (c === '[') {
        fragments.push(this.#bracket());
      } else {
        throw this.#error('invalid path fragment');
      }
    }
    return fragments;
  }

  #name(): Fragment {
    const match = NAME.exec(this.text.slice(this.#at));
    if (match === null) throw this.#error('expected a name');
    this.#at += match[0].length;
    return { kind: 'child', keys: [match[0]] };
  }

  #bracket(): Fragment {
    this.#at++;
    this.#space();
    const c = this.text[this.#at];
    let fragment: Fragment;
    if (c === '*') {
      this.#at++;
      fragment = { kind: 'wildcard' };
    } else if (c === '?') {
      this.#at++;
      this.#expect('(');
      const condition = this.#condition(0);
      this.#expect(')');
      fragment = { kind: 'filter', condition };
    } else if (c === "'" || c === '"') {
      const keys = [this.#quoted()];
      while (this.#peekAfterSpace() === ',') {
        this.#at++;
        this.#space();
        keys.push(this.#quoted());
      }
      fragment = { kind: 'child', keys };
    } else {
      fragment = this.#indexOrSlice();
    }
    this.#expect(']');
    return fragment;
  }

  #indexOrSlice(): Fragment {
    const first = this.#optionalInteger();
    if (this.#peekAfterSpace() === ':') {
      this.#at++;
      const end = this.#optionalInteger();
      let step = 1;
      if (this.#peekAfterSpace() === ':') {
        this.#at++;
        step = this.#optionalInteger() ?? 1;
      }
      return { kind: 'slice', ...(first !== undefined && { start: first }), ...(end !== undefined && { end }), step };
    }
    if (first === undefined) throw this.#error('invalid bracket fragment');
    const indexes = [first];
    while (this.#peekAfterSpace() === ',') {
      this.#at++;
      const next = this.#optionalInteger();
      if (next === undefined) throw this.#error('invalid bracket fragment');
      indexes.push(next);
    }
    return { kind: 'index', indexes };
  }

  #optionalInteger(): number | undefined {
    this.#space();
    const match = /^-?[0-9]+/.exec(this.text.slice(this.#at));
    if (match === null) return undefined;
    this.#at += match[0].length;
    return Number(match[0]);
  }

  #quoted(): string {
    const quote = this.text[this.#at];
    if (quote !== "'" && quote !== '"') throw this.#error('expected a quoted string');
    let out = '';
    for (this.#at++; this.#at < this.text.length; this.#at++) {
      const c = this.text[this.#at]!;
      if (c === quote) {
        this.#at++;
        return out;
      }
      if (c === '\\' && this.#at + 1 < this.text.length) {
        this.#at++;
        const e = this.text[this.#at]!;
        out += { n: '\n', t: '\t', r: '\r' }[e] ?? e;
      } else out += c;
    }
    throw this.#error('not terminated');
  }

  #condition(minPrecedence: number): Condition {
    let left = this.#operand();
    for (;;) {
      this.#space();
      const op = /^(\|\||&&|==|!=|=~|<=|>=|<|>)/.exec(this.text.slice(this.#at))?.[0];
      const precedence = op === undefined ? undefined : BINARY_PRECEDENCE.get(op);
      if (op === undefined || precedence === undefined || precedence <= minPrecedence) return left;
      this.#at += op.length;
      const right = this.#condition(precedence);
      left = { kind: 'binary', op, left, right };
    }
  }

  #operand(): Condition {
    this.#space();
    const c = this.text[this.#at];
    if (c === '!') {
      this.#at++;
      return { kind: 'not', operand: this.#operand() };
    }
    if (c === '(') {
      this.#at++;
      const inner = this.#condition(0);
      this.#expect(')');
      return inner;
    }
    if (c === '@' || c === '$') {
      this.#at++;
      const fragments = this.#fragments(() => !/^[.[]/.test(this.text.slice(this.#at)));
      return { kind: 'path', root: c, fragments };
    }
    if (c === "'" || c === '"') return { kind: 'literal', value: this.#quoted() };
    if (c === '/') {
      const end = this.text.indexOf('/', this.#at + 1);
      if (end < 0) throw this.#error('not terminated');
      const source = this.text.slice(this.#at + 1, end);
      this.#at = end + 1;
      return { kind: 'regex', regex: this.#pattern(source) };
    }
    const word = /^(true|false|null|-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)/.exec(this.text.slice(this.#at))?.[0];
    if (word === undefined) throw this.#error('invalid filter operand');
    this.#at += word.length;
    return { kind: 'literal', value: word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word) };
  }

  #expect(c: string): void {
    this.#space();
    if (this.text[this.#at] !== c) throw this.#error(`expected '${c}'`);
    this.#at++;
  }

  #peekAfterSpace(): string | undefined {
    this.#space();
    return this.text[this.#at];
  }

  #space(): void {
    while (this.text[this.#at] === ' ') this.#at++;
  }

  #pattern(source: string): Pattern {
    let compiled: RE2JS;
    try {
      compiled = RE2JS.compile(source);
    } catch (error) {
      throw this.#error(error instanceof Error ? error.message : String(error));
    }
    return new Pattern(compiled);
  }

  #error(problem: string): PlainError {
    return new PlainError(`${problem} at ${this.#at + 1} in ${this.text}`);
  }
}
