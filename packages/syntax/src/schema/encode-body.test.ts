import { describe, expect, it } from 'vitest';
import { Arguments, EXAMPLE } from '../../test/support/example-schema.js';
import { formatDiagnostic } from '../diag/diagnostic.js';
import { marshalBody } from '../encoding/alloyjson.js';
import { OptionalSecret, Secret } from '../eval/secret.js';
import { array, int, NULL, string } from '../eval/value.js';
import { parseFile } from '../parser/parse.js';
import { decodeBody } from './decode-body.js';
import { encodeBody } from './encode-body.js';
import { attr, block, child, children, enumBlocks, mapBlock, type BodySchema, type Decoded } from './schema.js';
import { t } from './types.js';

/** The encoded body as alloyjson, parsed back for comparison. */
function json<S extends BodySchema>(value: Decoded<S>, schema: S): unknown {
  return JSON.parse(marshalBody(encodeBody(value, schema)));
}

const attrJson = (name: string, type: string, value: unknown) => ({ name, type: 'attr', value: { type, value } });

function decodeText<S extends BodySchema>(source: string, schema: S): Decoded<S> {
  const { file, diagnostics } = parseFile(source);
  expect(diagnostics).toEqual([]);
  const result = decodeBody(file.body, schema);
  if (!result.ok) expect.fail(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.value;
}

describe('encodeBody: the worked example', () => {
  it('writes fields in schema order, defaults left out, durations as Go text, secrets hidden', () => {
    const args = decodeText(EXAMPLE, Arguments);
    expect(marshalBody(encodeBody(args, Arguments))).toBe(
      '[{"name":"max_retries","type":"attr","value":{"type":"number","value":5}},' +
        '{"name":"endpoint","type":"block","label":"primary","body":[' +
        '{"name":"url","type":"attr","value":{"type":"string","value":"http://a:9009"}},' +
        '{"name":"timeout","type":"attr","value":{"type":"string","value":"10s"}},' +
        '{"name":"headers","type":"attr","value":{"type":"object","value":[{"key":"X-Scope","value":{"type":"string","value":"t1"}}]}},' +
        '{"name":"basic_auth","type":"block","body":[' +
        '{"name":"username","type":"attr","value":{"type":"string","value":"u"}},' +
        '{"name":"password","type":"attr","value":{"type":"capsule","value":"(secret)"}}]}]},' +
        '{"name":"endpoint","type":"block","label":"backup","body":[' +
        '{"name":"url","type":"attr","value":{"type":"string","value":"http://b:9009"}}]}]',
    );
  });

  it('never writes a secret\'s text', () => {
    const args = decodeText(EXAMPLE.replace('password = "p"', 'password = "hunter2"'), Arguments);
    expect(marshalBody(encodeBody(args, Arguments))).not.toContain('hunter2');
  });
});

describe('encodeBody: attributes', () => {
  const S = block({
    fields: {
      name: attr(t.string),
      retries: attr(t.int, { default: 3 }),
      note: attr(t.string, { optional: true }),
      period: attr(t.duration, { default: 90_000 }),
      token: attr(t.optionalSecret, { optional: true }),
      anything: attr(t.any, { optional: true }),
    },
  });

  it('writes a required attribute always, at its zero value when missing', () => {
    expect(json({ name: '', retries: 3, period: 90_000 }, S)).toEqual([attrJson('name', 'string', '')]);
    expect(json({ retries: 3, period: 90_000 } as never, S)).toEqual([attrJson('name', 'string', '')]);
  });

  it('leaves out an optional attribute equal to its default or zero', () => {
    expect(json({ name: 'a', retries: 3, note: '', period: 90_000, token: new OptionalSecret('', false), anything: NULL }, S)).toEqual([
      attrJson('name', 'string', 'a'),
    ]);
  });

  it('writes one that differs, in field order, whatever the object order', () => {
    expect(json({ period: 1_500, token: new OptionalSecret('t', false), retries: 0, name: 'a' }, S)).toEqual([
      attrJson('name', 'string', 'a'),
      attrJson('retries', 'number', 0),
      attrJson('period', 'string', '1.5s'),
      attrJson('token', 'capsule', '"t"'),
    ]);
  });

  it('compares an `any` default as Go does: a list is never equal, a float is not an int', () => {
    const A = block({
      fields: {
        list: attr(t.any, { default: array([]) }),
        count: attr(t.any, { default: int(1n) }),
      },
    });
    expect(json({ list: array([]), count: int(1n) }, A)).toEqual([attrJson('list', 'array', [])]);
  });

  it('treats an empty list or map as zero', () => {
    const A = block({ fields: { list: attr(t.array(t.string), { optional: true }), map: attr(t.map(t.int), { optional: true }) } });
    expect(json({ list: [], map: {} }, A)).toEqual([]);
    expect(json({ list: ['x'], map: { b: 2, a: 1 } }, A)).toEqual([
      attrJson('list', 'array', [{ type: 'string', value: 'x' }]),
      attrJson('map', 'object', [
        { key: 'a', value: { type: 'number', value: 1 } },
        { key: 'b', value: { type: 'number', value: 2 } },
      ]),
    ]);
  });

  it('writes a struct-typed attribute as an object in field order', () => {
    const A = block({ fields: { auth: attr(t.object({ user: t.string, pass: t.secret })) } });
    expect(json({ auth: { user: 'u', pass: new Secret('p') } }, A)).toEqual([
      attrJson('auth', 'object', [
        { key: 'user', value: { type: 'string', value: 'u' } },
        { key: 'pass', value: { type: 'capsule', value: '(secret)' } },
      ]),
    ]);
  });
});

describe('encodeBody: blocks', () => {
  const Inner = block({ label: 'name', fields: { value: attr(t.int, { optional: true }) } });

  it('writes a required block with a zero value as an empty, unlabelled block', () => {
    const S = block({ fields: { inner: child(Inner) } });
    expect(json({ inner: { name: '' } }, S)).toEqual([{ name: 'inner', type: 'block', body: [] }]);
    expect(json({} as never, S)).toEqual([{ name: 'inner', type: 'block', body: [] }]);
    expect(json({ inner: { name: 'x' } }, S)).toEqual([{ name: 'inner', type: 'block', label: 'x', body: [] }]);
  });

  it('writes an optional block when set, even empty, and nothing when absent', () => {
    const S = block({ fields: { inner: child(block({ fields: { a: attr(t.int, { optional: true }) } }), { optional: true }) } });
    expect(json({}, S)).toEqual([]);
    expect(json({ inner: {} }, S)).toEqual([{ name: 'inner', type: 'block', body: [] }]);
  });

  it('leaves out a block equal to its default, or zero like it', () => {
    const Limits = block({ fields: { max: attr(t.int, { optional: true }) } });
    const S = block({ fields: { limits: child(Limits, { default: { max: 10 } }), zero: child(Limits, { default: {} }) } });
    expect(json({ limits: { max: 10 }, zero: { max: 0 } }, S)).toEqual([]);
    expect(json({ limits: { max: 0 }, zero: { max: 1 } }, S)).toEqual([
      { name: 'limits', type: 'block', body: [] },
      { name: 'zero', type: 'block', body: [attrJson('max', 'number', 1)] },
    ]);
  });

  it('writes one block per element of a repeated block, none for an empty list', () => {
    const S = block({ fields: { inner: children(Inner) } });
    expect(json({ inner: [] }, S)).toEqual([]);
    expect(json({ inner: [{ name: 'a', value: 1 }, { name: 'b' }] }, S)).toEqual([
      { name: 'inner', type: 'block', label: 'a', body: [attrJson('value', 'number', 1)] },
      { name: 'inner', type: 'block', label: 'b', body: [] },
    ]);
  });

  it('writes a fixed number of blocks unless an optional one is all zero', () => {
    const Plain = block({ fields: { value: attr(t.int, { optional: true }) } });
    const S = block({ fields: { pair: children(Plain, { count: 2, optional: true }) } });
    expect(json({ pair: [{}, { value: 0 }] }, S)).toEqual([]);
    expect(json({ pair: [{}, { value: 2 }] }, S)).toEqual([
      { name: 'pair', type: 'block', body: [] },
      { name: 'pair', type: 'block', body: [attrJson('value', 'number', 2)] },
    ]);
  });

  it('writes a map block as attributes sorted by key', () => {
    const S = block({ fields: { labels: child(mapBlock(t.string)) } });
    expect(json({ labels: { b: '2', a: '1' } }, S)).toEqual([
      { name: 'labels', type: 'block', body: [attrJson('a', 'string', '1'), attrJson('b', 'string', '2')] },
    ]);
  });

  it('writes each enum element as `<enum>.<alternative>`, in order', () => {
    const S = block({
      fields: {
        step: enumBlocks({
          drop: block({ fields: { source: attr(t.string) } }),
          keep: block({ fields: {} }),
        }),
      },
    });
    const decoded = decodeText('step.keep {}\nstep.drop { source = "a" }\n', S);
    expect(json(decoded, S)).toEqual([
      { name: 'step.keep', type: 'block', body: [] },
      { name: 'step.drop', type: 'block', body: [attrJson('source', 'string', 'a')] },
    ]);
  });

  it('inlines a spread ("squashed") schema at its position', () => {
    const Common = block({ fields: { a: attr(t.string), b: attr(t.string) } });
    const S = block({ fields: { first: attr(t.string), ...Common.fields, last: attr(t.string) } });
    const decoded = decodeText('last = "4"\nb = "3"\na = "2"\nfirst = "1"\n', S);
    expect((json(decoded, S) as { name: string }[]).map((s) => s.name)).toEqual(['first', 'a', 'b', 'last']);
  });
});

describe('encodeBody: a map body', () => {
  it('writes each entry as an attribute, sorted by key in byte order', () => {
    const S = mapBlock(t.any);
    expect(json({ '\u{10000}': NULL, z: string('z'), '\uffff': NULL }, S)).toEqual([
      attrJson('z', 'string', 'z'),
      attrJson('\uffff', 'null', null),
      attrJson('\u{10000}', 'null', null),
    ]);
  });
});
