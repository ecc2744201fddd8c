import { describe, expect, it } from 'vitest';
import type { Expression } from '../ast/nodes.js';
import { formatDiagnostic } from '../diag/diagnostic.js';
import { MAX_TREE_DEPTH } from '../parser/parser.js';
import { parseExpression } from '../parser/parse.js';
import { ArgError, ElementError, FieldError, MissingKeyError, PlainError, ValueError, ValueTypeError } from './errors.js';
import { evaluate, evaluateTraced } from './evaluate.js';
import { makeDiagnostic } from './diagnose.js';
import { numberToString } from './number.js';
import { scopeOf, type Scope } from './scope.js';
import { optionalSecretValue, secretValue } from './secret.js';
import {
  array,
  capsule,
  int,
  NULL,
  object,
  rawFunction,
  string,
  type Capsule,
  type Value,
} from './value.js';

function parse(src: string): Expression {
  const { expression, diagnostics } = parseExpression(src);
  expect(diagnostics).toEqual([]);
  return expression;
}

function valueOf(src: string, scope?: Scope): Value {
  const result = evaluate(parse(src), scope);
  if (!result.ok) throw new Error(`unexpected failure: ${formatDiagnostic(result.diagnostic)}`);
  return result.value;
}

/** A value as short text: `int 3`, `"a"`, `true`, `[int 1]`, `{a = int 1}`. */
function show(value: Value): string {
  switch (value.type) {
    case 'null': return 'null';
    case 'number': return `${value.kind} ${numberToString(value)}`;
    case 'string': return JSON.stringify(value.value);
    case 'bool': return String(value.value);
    case 'array': return `[${value.elements.map(show).join(', ')}]`;
    case 'object': return `{${[...value.fields].map(([k, v]) => `${k} = ${show(v)}`).join(', ')}}`;
    case 'function': return 'function';
    case 'capsule': return `capsule ${value.capsule.tokenize?.() ?? value.capsule.typeName}`;
  }
}

function errorOf(src: string, scope?: Scope): string {
  const result = evaluate(parse(src), scope);
  if (result.ok) throw new Error(`expected a failure, got ${show(result.value)}`);
  return formatDiagnostic(result.diagnostic);
}

const secrets = scopeOf({
  secret: secretValue('hunter2'),
  opt_secret: optionalSecretValue('shh', true),
  opt_plain: optionalSecretValue('world', false),
  string_val: string('hello'),
});

describe('literals and containers', () => {
  it.each([
    ['12', 'int 12'],
    ['1.5', 'float 1.5'],
    ['"a\\tb"', '"a\\tb"'],
    ['`raw\\n`', '"raw\\\\n"'],
    ['true', 'true'],
    ['null', 'null'],
    ['[1, "a", [true]]', '[int 1, "a", [true]]'],
    ['{ a = 1, b = { c = 2 } }', '{a = int 1, b = {c = int 2}}'],
    ['{ a = 1, a = 2 }', '{a = int 2}'],
    ['{ "x y" = 1 }["x y"]', 'int 1'],
    ['(15)', 'int 15'],
  ])('%s is %s', (src, expected) => {
    expect(show(valueOf(src))).toBe(expected);
  });

  it('makes literal objects unordered', () => {
    const value = valueOf('{ b = 1, a = 2 }');
    expect(value.type === 'object' && value.ordered).toBe(false);
  });
});

describe('operators', () => {
  it.each([
    ['3 + 5 * 2', 'int 13'],
    ['3 - 5', 'int -2'],
    ['7 / 2', 'int 3'],
    ['7.0 / 2', 'float 3.5'],
    ['2 ^ 3 ^ 2', 'int 512'],
    ['-2 ^ 2', 'int 4'],
    ['"a" + "b"', '"ab"'],
    ['1 == 1.0', 'true'],
    ['1 == "1"', 'false'],
    ['null == null', 'true'],
    ['null == false', 'false'],
    ['[1, [2]] == [1.0, [2]]', 'true'],
    ['{ a = 1, b = 2 } == { b = 2, a = 1 }', 'true'],
    ['{ a = 1 } == { a = 1, b = 2 }', 'false'],
    ['string.format != null', 'true'],
    ['1 != 2', 'true'],
    ['true && false', 'false'],
    ['false || true', 'true'],
    ['!false', 'true'],
    ['-(3)', 'int -3'],
    ['"a" < "b"', 'true'],
    ['"b" <= "a"', 'false'],
    ['"\uffff" < "\u{10000}"', 'true'],
    ['2 > 1.5', 'true'],
    ['2 >= 2', 'true'],
    ['18446744073709551615 > 0', 'false'],
    ['18446744073709551615 == -1', 'true'],
  ])('%s is %s', (src, expected) => {
    const scope = scopeOf({ string: object(new Map([['format', rawFunction(() => NULL)]])) });
    expect(show(valueOf(src, scope))).toBe(expected);
  });

  it('never equates functions, not even with themselves', () => {
    expect(show(valueOf('f == f', scopeOf({ f: rawFunction(() => NULL) })))).toBe('false');
  });

  it('does not short-circuit && and ||', () => {
    expect(errorOf('false && undefined_name')).toBe('1:10: identifier "undefined_name" does not exist');
    expect(errorOf('true || undefined_name')).toBe('1:9: identifier "undefined_name" does not exist');
  });

  it.each([
    ['"a" - 1', '1:1: "a" should be one of [number] for binop -, got string'],
    ['1 - "a"', '1:5: "a" should be one of [number] for binop -, got string'],
    ['1 + "a"', '1:5: "a" should be number, got string'],
    ['"a" + 1', '1:7: 1 should be string, got number'],
    ['1 < "b"', '1:5: "b" should be number, got string'],
    ['true < false', '1:1: true should be one of [number string] for binop <, got bool'],
    ['[] + []', '1:1: [] should be one of [number string capsule] for binop +, got array'],
    ['1 && true', '1:1: 1 should be one of [bool] for binop &&, got number'],
    ['true || 1', '1:9: 1 should be one of [bool] for binop ||, got number'],
    ['10 / 0', '1:6: 0 divide by zero error'],
    ['10 % 0.0', '1:6: 0.0 divide by zero error'],
    ['10 / (1 - 1)', '1:6: (1 - 1) divide by zero error'],
    ['!1', '1:2: 1 should be bool, got number'],
    ['-"a"', '1:2: "a" should be number, got string'],
    ['1 * 2 + "x" * 3', '1:9: "x" should be one of [number] for binop *, got string'],
  ])('%s fails: %s', (src, message) => {
    expect(errorOf(src)).toBe(message);
  });

  it('reports null operands without a position, with the leading space upstream has', () => {
    expect(errorOf('null + 1')).toBe('-:  should be one of [number string capsule] for binop +, got null');
  });
});

describe('identifiers', () => {
  it('looks in the scope, then the standard library', () => {
    expect(show(valueOf('x', scopeOf({ x: int(1n) })))).toBe('int 1');
    expect(errorOf('x')).toBe('1:1: identifier "x" does not exist');
    expect(errorOf('constructor', scopeOf({}))).toBe('1:1: identifier "constructor" does not exist');
  });

  it('quotes the name as Go does', () => {
    expect(errorOf('héllo')).toBe('1:1: identifier "héllo" does not exist');
  });

  it('spans the identifier', () => {
    const result = evaluate(parse('1 + abc'));
    expect(result.ok ? undefined : [result.diagnostic.start.column, result.diagnostic.end?.column]).toEqual([5, 7]);
  });
});

describe('access and index', () => {
  const scope = scopeOf({
    obj: object(new Map<string, Value>([['a', object(new Map([['b', int(1n)]]))], ['n', NULL]])),
    arr: array([int(10n), int(20n), int(30n)]),
    fn: rawFunction(() => NULL),
  });

  it.each([
    ['obj.a.b', 'int 1'],
    ['obj.n', 'null'],
    ['obj["a"]["b"]', 'int 1'],
    ['obj["missing"]', 'null'],
    ['{}["foo"]', 'null'],
    ['arr[0]', 'int 10'],
    ['arr[1.9]', 'int 20'],
    ['arr[-0.5]', 'int 10'],
  ])('%s is %s', (src, expected) => {
    expect(show(valueOf(src, scope))).toBe(expected);
  });

  it.each([
    ['obj.a.c', '1:7: field "c" does not exist'],
    ['{ a = 15 }.b', '1:12: field "b" does not exist'],
    ['arr.x', '1:1: arr cannot access field "x" on value of type array'],
    ['fn.x', '1:1: fn cannot access field "x" on value of type function'],
    // null is never traced to an expression, so the message has no subject.
    ['obj.n.x', '-:  cannot access field "x" on value of type null'],
    ['arr[3]', '1:5: 3 index 3 is out of range of array with length 3'],
    ['[1, 2][-1]', '1:8: -1 index -1 is out of range of array with length 2'],
    ['[1][18446744073709551615]', '1:5: 18446744073709551615 index -1 is out of range of array with length 1'],
    ['arr["0"]', '1:5: "0" should be number, got string'],
    ['obj[0]', '1:5: 0 should be string, got number'],
    ['"abc"[0]', '1:1: "abc" expected object or array, got string'],
    ['fn[0]', '1:1: fn expected object or array, got function'],
    ['arr[undefined_name]', '1:5: identifier "undefined_name" does not exist'],
  ])('%s fails: %s', (src, message) => {
    expect(errorOf(src, scope)).toBe(message);
  });

  it('spans a missing field by its name only', () => {
    const result = evaluate(parse('obj.nope'), scope);
    expect(result.ok ? undefined : [result.diagnostic.start.column, result.diagnostic.end?.column]).toEqual([5, 8]);
  });

  describe('capsules', () => {
    const fields = object(new Map([['x', int(7n)]]));
    const withFields: Capsule = { typeName: 'test.Fields', equals: () => false, asObject: () => fields };
    const opaque: Capsule = { typeName: 'test.Opaque', equals: () => false };
    const capsules = scopeOf({ c: capsule(withFields), o: capsule(opaque) });

    it('reads fields of a capsule that converts to an object', () => {
      expect(show(valueOf('c.x', capsules))).toBe('int 7');
      expect(show(valueOf('c["x"]', capsules))).toBe('int 7');
      expect(show(valueOf('c["y"]', capsules))).toBe('null');
      expect(errorOf('c.y', capsules)).toBe('1:3: field "y" does not exist');
    });

    it('refuses other capsules', () => {
      const message = 'o expected object or array or a capsule convertible to an object, got capsule';
      expect(errorOf('o.x', capsules)).toBe(`1:1: ${message}`);
      expect(errorOf('o["x"]', capsules)).toBe(`1:1: ${message}`);
    });
  });
});

describe('calls', () => {
  const scope = scopeOf({
    concat: rawFunction((args) => string(args.map((a) => (a.type === 'string' ? a.value : '?')).join(''))),
    failing: rawFunction(() => {
      throw new ValueError(NULL, 'never');
    }),
  });

  it('evaluates the arguments and calls the function', () => {
    expect(show(valueOf('concat("a", "b")', scope))).toBe('"ab"');
  });

  it('refuses to call what is not a function', () => {
    expect(errorOf('"a"(1)')).toBe('1:1: "a" should be function, got string');
  });

  it('evaluates the callee before the arguments', () => {
    expect(errorOf('nope(undefined_arg)')).toBe('1:1: identifier "nope" does not exist');
  });

  it('blames the function for its own errors', () => {
    const fn = rawFunction(() => {
      throw new ValueError(fn, 'went wrong');
    });
    expect(errorOf('ns.fn(1)', scopeOf({ ns: object(new Map([['fn', fn]])) }))).toBe('1:1: ns.fn went wrong');
  });

  it('points an argument error at the argument', () => {
    const fn = rawFunction((args) => {
      throw new ArgError(fn, args[1]!, 1, new ValueTypeError(args[1]!, 'array'));
    });
    expect(errorOf('f("a", 1)', scopeOf({ f: fn }))).toBe('1:8: 1 should be array, got number');
  });
});

describe('diagnostics', () => {
  it('prefixes the file name', () => {
    const result = evaluate(parse('x'), undefined, { filename: 'test' });
    expect(result.ok ? undefined : formatDiagnostic(result.diagnostic)).toBe('test:1:1: identifier "x" does not exist');
  });

  it('blames the outermost expression that returned the value', () => {
    const scope = scopeOf({ key_value: object(new Map([['a', string('x')]])) });
    expect(errorOf('(key_value.a) - 1', scope)).toBe('1:1: (key_value.a) should be one of [number] for binop -, got string');
  });

  it('composes a path through fields and elements down to a value without a node', () => {
    const inner = string('Hello, world!');
    const list = array([int(15n), int(30n), inner]);
    const obj = object(new Map([['field1', list]]));
    const root = object(new Map([['object', obj]]));
    const traced = evaluateTraced(parse('key_value'), scopeOf({ key_value: root }), { filename: 'test' });
    if (!traced.ok) throw new Error('evaluation failed');
    const error = new FieldError(root, 'object', new FieldError(obj, 'field1', new ElementError(list, 2, new ValueTypeError(inner, 'number'))));
    const diagnostic = makeDiagnostic(error, traced.origins, 'test');
    expect(formatDiagnostic(diagnostic)).toBe('test:1:1: key_value.object.field1[2] should be number, got string');
    expect(diagnostic.value).toBeDefined();
  });

  it('drops the path when the failing value is written in the source', () => {
    const traced = evaluateTraced(parse('{ object = { field1 = [15, 30, "Hello"] } }'));
    if (!traced.ok || traced.value.type !== 'object') throw new Error('evaluation failed');
    const obj = traced.value.fields.get('object')!;
    const list = obj.type === 'object' ? obj.fields.get('field1')! : NULL;
    const inner = list.type === 'array' ? list.elements[2]! : NULL;
    const error = new FieldError(traced.value, 'object', new FieldError(obj, 'field1', new ElementError(list, 2, new ValueTypeError(inner, 'number'))));
    const diagnostic = makeDiagnostic(error, traced.origins);
    expect(formatDiagnostic(diagnostic)).toBe('1:32: "Hello" should be number, got string');
    expect(diagnostic.value).toBeUndefined();
  });

  it('words a missing key as upstream does', () => {
    const traced = evaluateTraced(parse('"v"'));
    if (!traced.ok) throw new Error('evaluation failed');
    expect(makeDiagnostic(new MissingKeyError(traced.value, 'bogus'), traced.origins).message).toBe('"v" does not have field named "bogus"');
  });

  it('passes a plain error through without a position', () => {
    expect(errorOf('1e400')).toBe('-: strconv.ParseFloat: parsing "1e400": value out of range');
    expect(makeDiagnostic(new PlainError('missing required attribute "x"'), new WeakMap()).message).toBe('missing required attribute "x"');
  });
});

describe('secrets', () => {
  it.each([
    ['string_val + string_val', '"hellohello"'],
    ['string_val + opt_plain', '"helloworld"'],
    ['opt_plain + string_val', '"worldhello"'],
    ['string_val + opt_secret', 'capsule (secret)'],
    ['opt_secret + string_val', 'capsule (secret)'],
    ['opt_plain + opt_plain', 'capsule "worldworld"'],
    ['opt_plain + opt_secret', 'capsule (secret)'],
    ['secret + string_val', 'capsule (secret)'],
    ['string_val + secret', 'capsule (secret)'],
    ['secret + opt_plain', 'capsule (secret)'],
    ['opt_plain + secret', 'capsule (secret)'],
    ['secret + secret', 'capsule (secret)'],
    ['"world" == opt_plain', 'true'],
    ['"hunter2" == secret', 'true'],
    ['opt_plain == opt_secret', 'false'],
    ['opt_plain < "xyz"', 'true'],
  ])('%s is %s', (src, expected) => {
    expect(show(valueOf(src, secrets))).toBe(expected);
  });

  it('concatenates the hidden texts', () => {
    const value = valueOf('"user:" + secret', secrets);
    expect(valueOf('"user:hunter2" == value', scopeOf({ value })).type === 'bool').toBe(true);
    expect(show(valueOf('"user:hunter2" == value', scopeOf({ value })))).toBe('true');
  });

  it.each([
    ['secret + 1', '1:10: 1 should be capsule, got number'],
    ['secret - 1', '1:1: secret should be one of [number] for binop -, got capsule'],
    ['string_val - secret', '1:1: string_val should be one of [number] for binop -, got capsule'],
    ['secret < "a"', '1:1: secret should be one of [number string] for binop <, got capsule'],
    ['-secret', '1:2: secret should be number, got capsule'],
    ['!opt_secret', '1:2: opt_secret should be bool, got capsule'],
    ['secret.x', '1:1: secret expected object or array or a capsule convertible to an object, got capsule'],
  ])('%s fails: %s', (src, message) => {
    expect(errorOf(src, secrets)).toBe(message);
  });

  it('never shows a secret\'s text in a diagnostic', () => {
    for (const src of ['secret + 1', 'secret - 1', 'string_val - secret', '-secret', 'secret[0]', 'secret.x', 'secret()']) {
      const result = evaluate(parse(src), secrets);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain('hunter2');
    }
  });

  it('reports + on unknown capsules', () => {
    const opaque = (): Value => capsule({ typeName: 'test.Opaque', equals: () => false });
    expect(errorOf('a + b', scopeOf({ a: opaque(), b: opaque() }))).toBe(
      '1:1: a could not perform binop + for unknown types lhs capsule rhs capsule',
    );
  });
});

describe('deep and hostile input', () => {
  it('evaluates the longest operator chain the parser accepts', () => {
    const length = MAX_TREE_DEPTH - 1;
    expect(show(valueOf(Array.from({ length: length + 1 }, () => '1').join(' + ')))).toBe(`int ${length + 1}`);
    expect(show(valueOf(Array.from({ length: length + 1 }, () => '1').join(' ^ ')))).toBe('int 1');
  });

  it('reports an error at the end of a long chain', () => {
    const src = `${Array.from({ length: MAX_TREE_DEPTH - 1 }, () => '1').join(' + ')} + "a"`;
    expect(errorOf(src)).toMatch(/^1:\d+: "a" should be number, got string$/);
  });

  it('evaluates the deepest nesting the parser accepts', () => {
    const depth = 99;
    expect(show(valueOf(`${'['.repeat(depth)}1${']'.repeat(depth)}${'[0]'.repeat(depth)}`))).toBe('int 1');
    expect(show(valueOf(`${'('.repeat(depth)}1 + 1${')'.repeat(depth)}`))).toBe('int 2');
  });

  it('raises huge powers quickly', () => {
    const started = performance.now();
    expect(show(valueOf('2 ^ 18446744073709551615'))).toBe('int 2');
    expect(show(valueOf('3 ^ 9223372036854775807'))).toMatch(/^int /);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
