/**
 * The standard library's identifiers (upstream `stdlib.Identifiers`): namespaces such as
 * `string` and `encoding` (objects of functions), `coalesce`, `json_path`, `constants`
 * (an object of strings) and the deprecated flat aliases, each the very same function as
 * its replacement. Looked up after the scope's own variables.
 */
import { object, string, type Value } from '../eval/value.js';
import { combineMaps } from './array/combine-maps.js';
import { concat } from './array/concat.js';
import { groupBy } from './array/group-by.js';
import { coalesce } from './coalesce.js';
import { hostConstants, type Constants } from './constants.js';
import { nonsensitive } from './convert/nonsensitive.js';
import { fromBase64, fromURLBase64, toBase64, toURLBase64 } from './encoding/base64.js';
import { fromJson } from './encoding/from-json.js';
import { fromYaml } from './encoding/from-yaml.js';
import { toJson } from './encoding/to-json.js';
import { urlDecode, urlEncode } from './encoding/url.js';
import { pathJoin } from './file/path-join.js';
import { jsonPath } from './json-path.js';
import { toLower, toUpper } from './string/change-case.js';
import { format } from './string/format.js';
import { join } from './string/join.js';
import { replace } from './string/replace.js';
import { split } from './string/split.js';
import { trimPrefix } from './string/trim-prefix.js';
import { trimSpace } from './string/trim-space.js';
import { trimSuffix } from './string/trim-suffix.js';
import { trim } from './string/trim.js';
import { envFunction, type Environment } from './sys/env.js';

export interface StdlibOptions {
  /** What `sys.env` reads; the process environment by default. */
  readonly environment?: Environment;
  /** What `constants` holds; the host's facts by default. */
  readonly constants?: Constants;
}

/** The deprecated flat names and what replaces each (`env` → `sys.env`). */
export const DEPRECATED_IDENTIFIERS: ReadonlyMap<string, string> = new Map([
  ['env', 'sys.env'],
  ['nonsensitive', 'convert.nonsensitive'],
  ['concat', 'array.concat'],
  ['json_decode', 'encoding.from_json'],
  ['yaml_decode', 'encoding.from_yaml'],
  ['base64_decode', 'encoding.from_base64'],
  ['format', 'string.format'],
  ['join', 'string.join'],
  ['replace', 'string.replace'],
  ['split', 'string.split'],
  ['to_lower', 'string.to_lower'],
  ['to_upper', 'string.to_upper'],
  ['trim', 'string.trim'],
  ['trim_prefix', 'string.trim_prefix'],
  ['trim_suffix', 'string.trim_suffix'],
  ['trim_space', 'string.trim_space'],
]);

/** Upstream's warning for a deprecated name, reported by the runtime and `validate`. */
export const DEPRECATION_WARNING =
  'this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives';

function namespace(members: Readonly<Record<string, Value>>): Value {
  // A Go map upstream: unordered, so it prints with its keys sorted.
  return object(new Map(Object.entries(members)));
}

/** The identifier table for a given environment and host facts. */
export function createStdlib(options: StdlibOptions = {}): ReadonlyMap<string, Value> {
  const constants = options.constants ?? hostConstants();
  const env = envFunction(options.environment ?? process.env);
  const stringNamespace = {
    format, join, replace, split, to_lower: toLower, to_upper: toUpper,
    trim, trim_prefix: trimPrefix, trim_suffix: trimSuffix, trim_space: trimSpace,
  };
  const encodingNamespace = {
    from_json: fromJson, from_yaml: fromYaml, from_base64: fromBase64, from_URLbase64: fromURLBase64,
    to_json: toJson, to_base64: toBase64, to_URLbase64: toURLBase64, url_encode: urlEncode, url_decode: urlDecode,
  };
  const identifiers = new Map<string, Value>([
    ['constants', namespace(Object.fromEntries(Object.entries(constants).map(([k, v]) => [k, string(v)])))],
    ['coalesce', coalesce],
    ['json_path', jsonPath],
    ['sys', namespace({ env })],
    ['convert', namespace({ nonsensitive })],
    ['array', namespace({ concat, combine_maps: combineMaps, group_by: groupBy })],
    ['encoding', namespace(encodingNamespace)],
    ['string', namespace(stringNamespace)],
    ['file', namespace({ path_join: pathJoin })],
  ]);
  for (const [alias, replacement] of DEPRECATED_IDENTIFIERS) {
    const [space, member] = replacement.split('.') as [string, string];
    const ns = identifiers.get(space);
    identifiers.set(alias, ns?.type === 'object' ? ns.fields.get(member)! : ns!);
  }
  return identifiers;
}

const IDENTIFIERS = createStdlib();

export function stdlibIdentifier(name: string): Value | undefined {
  return IDENTIFIERS.get(name);
}
