import { describe, expect, it } from 'vitest';
import { Arguments, EXAMPLE, Endpoint } from '../../test/support/example-schema.js';
import { Secret } from '../eval/secret.js';
import type { Capsule } from '../eval/value.js';
import { parseFile } from '../parser/parse.js';
import { decodeBody } from './decode-body.js';
import { jsonSchema, validator } from './json-schema.js';
import { attr, block, children, enumBlocks } from './schema.js';
import { t } from './types.js';

describe('jsonSchema', () => {
  it('describes the decoded form, in declaration order, with docs and JSON defaults', () => {
    const schema = jsonSchema(Endpoint);
    expect(schema).toMatchObject({
      type: 'object',
      description: 'Where to send data.',
      required: ['name', 'url', 'timeout'],
      additionalProperties: false,
    });
    const properties = schema.properties as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual(['name', 'url', 'timeout', 'headers', 'basic_auth']);
    expect(properties.timeout).toEqual({
      type: 'number',
      'x-alloy-type': 'duration',
      description: 'How long a request may take.',
      default: 30_000,
    });
    expect(jsonSchema(Arguments).properties).toMatchObject({
      max_retries: { type: 'integer', minimum: 0, maximum: 255, 'x-alloy-type': 'uint8', default: 3 },
      endpoint: { type: 'array', items: { type: 'object' } },
    });
  });
});

describe('validator', () => {
  const validate = validator(Arguments);

  it('accepts what the decoder produces', () => {
    const decoded = decodeBody(parseFile(EXAMPLE).file.body, Arguments);
    if (!decoded.ok) expect.fail('the example decodes');
    expect(validate(decoded.value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects wrong shapes, with every reason', () => {
    const wrong = {
      max_retries: 300,
      endpoint: [{ name: 'a', url: 1, timeout: 1, basic_auth: { username: 'u', password: 'plain text' } }],
    };
    expect(validate(wrong)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([
      '/max_retries must be <= 255',
      '/endpoint/0/url must be string',
      '/endpoint/0/basic_auth/password must pass "x-alloy-type" keyword validation',
    ]);
    expect(validate({ max_retries: 1, endpoint: [{ name: 'a', url: 'u', timeout: 1, basic_auth: { username: 'u', password: new Secret('p') } }] })).toBe(true);
  });

  it('checks capsules by their guard, enums by their alternatives, fixed counts', () => {
    const receiver: Capsule = { typeName: 'test.Receiver', equals: () => false };
    const Schema = block({
      fields: {
        to: attr(t.array(t.capsule('test.Receiver', (c): c is Capsule => c === receiver))),
        stage: enumBlocks({ a: block({ fields: {} }) }),
        pair: children(block({ fields: {} }), { count: 2 }),
      },
    });
    const check = validator(Schema);
    expect(check({ to: [receiver, null], stage: [{ kind: 'a', value: {} }], pair: [{}, {}] })).toBe(true);
    expect(check({ to: [{ typeName: 'other', equals: () => false }], stage: [], pair: [{}, {}] })).toBe(false);
    expect(check({ to: [], stage: [{ kind: 'b', value: {} }], pair: [{}, {}] })).toBe(false);
    expect(check({ to: [], stage: [], pair: [{}] })).toBe(false);
  });
});
