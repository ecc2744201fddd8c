/**
 * The conformance data's alloyjson values (`{"type": …, "value": …}`), read into Alloy
 * values for scopes and defaults, and written from values for comparison. Shared by the
 * eval, stdlib, decode and alloyjson conformance runners.
 */
import { array, bool, float, int, NULL, object, string, type Value } from '../../src/eval/value.js';
import { compareByteOrder } from '../../src/source/byte-order.js';

export type AlloyJson =
  | { readonly type: 'null'; readonly value: null }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'array'; readonly value: readonly AlloyJson[] }
  | { readonly type: 'object'; readonly value: readonly { readonly key: string; readonly value: AlloyJson }[] }
  | { readonly type: 'function' | 'capsule'; readonly value: string };

/** A value from its alloyjson form; a whole number becomes an int, as Go's would be. */
export function fromAlloyJson(json: AlloyJson): Value {
  switch (json.type) {
    case 'null': return NULL;
    case 'number': return Number.isInteger(json.value) ? int(BigInt(json.value)) : float(json.value);
    case 'string': return string(json.value);
    case 'bool': return bool(json.value);
    case 'array': return array(json.value.map(fromAlloyJson));
    case 'object': return object(new Map(json.value.map((f) => [f.key, fromAlloyJson(f.value)])), true);
    case 'function':
    case 'capsule':
      throw new Error(`a ${json.type} cannot be written as a scope value`);
  }
}

/** The value in alloyjson form (numbers as float64, unordered keys in byte order). */
export function toAlloyJson(value: Value): AlloyJson {
  switch (value.type) {
    case 'null': return { type: 'null', value: null };
    case 'number': return { type: 'number', value: Number(value.value) };
    case 'string': return { type: 'string', value: value.value };
    case 'bool': return { type: 'bool', value: value.value };
    case 'array': return { type: 'array', value: value.elements.map(toAlloyJson) };
    case 'object': {
      const keys = [...value.fields.keys()];
      if (!value.ordered) keys.sort(compareByteOrder);
      return { type: 'object', value: keys.map((key) => ({ key, value: toAlloyJson(value.fields.get(key)!) })) };
    }
    case 'function': return { type: 'function', value: 'function' };
    case 'capsule': return { type: 'capsule', value: value.capsule.tokenize?.() ?? value.capsule.typeName };
  }
}
