import { describe, expect, expectTypeOf, it } from 'vitest';
import { Arguments, BasicAuth, Endpoint } from '../../test/support/example-schema.js';
import type { OptionalSecret, Secret } from '../eval/secret.js';
import type { Capsule, Value } from '../eval/value.js';
import { attr, block, child, children, enumBlocks, mapBlock, type Decoded } from './schema.js';
import { t } from './types.js';

interface Receiver extends Capsule {
  readonly typeName: 'pyroscope.Appendable';
}
const isReceiver = (c: Capsule): c is Receiver => c.typeName === 'pyroscope.Appendable';

describe('inferred decoded types', () => {
  it('follows the declaration: label, required, defaulted and optional fields', () => {
    expectTypeOf<Decoded<typeof BasicAuth>>().toEqualTypeOf<{
      readonly username: string;
      readonly password?: Secret;
    }>();
    expectTypeOf<Decoded<typeof Endpoint>>().toEqualTypeOf<{
      readonly name: string;
      readonly url: string;
      readonly timeout: number;
      readonly headers?: { readonly [key: string]: string };
      readonly basic_auth?: Decoded<typeof BasicAuth>;
    }>();
    expectTypeOf<Decoded<typeof Arguments>>().toEqualTypeOf<{
      readonly max_retries: number;
      readonly endpoint: readonly Decoded<typeof Endpoint>[];
    }>();
  });

  it('covers every value type', () => {
    const Everything = block({
      fields: {
        any: attr(t.any),
        opt: attr(t.optionalSecret),
        list: attr(t.array(t.bool)),
        nested: attr(t.object({ a: t.string, b: t.map(t.duration) })),
        receivers: attr(t.array(t.capsule('pyroscope.Appendable', isReceiver))),
      },
    });
    expectTypeOf<Decoded<typeof Everything>>().toEqualTypeOf<{
      readonly any: Value;
      readonly opt: OptionalSecret;
      readonly list: readonly boolean[];
      readonly nested: { readonly a: string; readonly b: { readonly [key: string]: number } };
      readonly receivers: readonly (Receiver | null)[];
    }>();
  });

  it('types repeated, fixed-count, enum and map blocks', () => {
    const Inner = block({ fields: { n: attr(t.int) } });
    const Outer = block({
      fields: {
        many: children(Inner, { optional: true }),
        three: children(Inner, { count: 3 }),
        maybe_two: children(Inner, { count: 2, optional: true }),
        stage: enumBlocks({ a: Inner, b: block({ fields: {} }) }),
        settings: child(mapBlock(t.string), { default: {} }),
      },
    });
    type Inner = Decoded<typeof Inner>;
    expectTypeOf<Decoded<typeof Outer>>().toEqualTypeOf<{
      readonly many: readonly Inner[];
      readonly three: readonly [Inner, Inner, Inner];
      readonly maybe_two?: readonly [Inner, Inner];
      readonly stage: readonly ({ readonly kind: 'a'; readonly value: Inner } | { readonly kind: 'b'; readonly value: {} })[];
      readonly settings: { readonly [key: string]: string };
    }>();
  });

  it('types the validation hook and defaults by the declaration', () => {
    block({
      fields: { min: attr(t.int), max: attr(t.int, { optional: true }) },
      validate: (range) => {
        expectTypeOf(range).toEqualTypeOf<{ readonly min: number; readonly max?: number }>();
        return undefined;
      },
    });
    // @ts-expect-error A duration's default is milliseconds, not text.
    attr(t.duration, { default: '30s' });
  });
});

describe('declaration checks (upstream tag panics)', () => {
  it('allows dotted names only for blocks', () => {
    expect(() => block({ fields: { 'a.b': attr(t.string) } })).toThrow(
      'syntax: field names with `.` may only be used by blocks or enums (found at a.b)',
    );
    expect(() => block({ fields: { 'a.b': child(block({ fields: {} })) } })).not.toThrow();
  });

  it('refuses names that are not identifiers', () => {
    expect(() => block({ fields: { '': attr(t.string) } })).toThrow('syntaxtags: non-empty field name required at ""');
    expect(() => block({ fields: { 'a..b': child(block({ fields: {} })) } })).toThrow(/non-empty field name/);
  });

  it('refuses a name claimed twice, by an enum alternative or by the label', () => {
    const Empty = block({ fields: {} });
    expect(() => block({ fields: { 'child.a': child(Empty), child: enumBlocks({ a: Empty }) } })).toThrow(
      'syntax: field name child.a already used by child.a',
    );
    expect(() => block({ label: 'url', fields: { url: attr(t.string) } })).toThrow('syntax: label field already used by url');
  });

  it('refuses a fixed count that is not a positive integer', () => {
    expect(() => children(block({ fields: {} }), { count: 0 })).toThrow(/positive integer/);
  });
});
