/**
 * `string.to_lower(text)` and `string.to_upper(text)`: Go `strings.ToLower`/`ToUpper`,
 * which map each character on its own by Unicode's *simple* case mapping. JavaScript uses
 * the full mapping with context, so `ß` would become `SS`, `İ` `i̇`, and a final `Σ` `ς`;
 * here a character whose full mapping is not one character keeps its simple mapping,
 * which for the few that have one is listed below, and else stays as it is. Invalid UTF-8
 * bytes become U+FFFD, as Go's `strings.Map` decodes them.
 */
import { isEscapedByte } from '../../source/source-text.js';
import { string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

const ASCII = /^[\x00-\x7f]*$/;

/** Simple lower-case mappings that the full mapping hides behind a longer result. */
const SIMPLE_LOWER: ReadonlyMap<number, number> = new Map([[0x130, 0x69]]);

export const toLower: FunctionValue = stringFunction(1, (text) =>
  string(ASCII.test(text) ? text.toLowerCase() : mapCharacters(text, lowerOf)),
);

export const toUpper: FunctionValue = stringFunction(1, (text) =>
  string(ASCII.test(text) ? text.toUpperCase() : mapCharacters(text, upperOf)),
);

function mapCharacters(text: string, map: (character: string, cp: number) => string): string {
  let out = '';
  for (const character of text) {
    const cp = character.codePointAt(0)!;
    out += isEscapedByte(cp) ? '\ufffd' : map(character, cp);
  }
  return out;
}

function lowerOf(character: string, cp: number): string {
  const simple = SIMPLE_LOWER.get(cp);
  if (simple !== undefined) return String.fromCodePoint(simple);
  return singleCharacter(character.toLowerCase()) ?? character;
}

function upperOf(character: string, cp: number): string {
  const full = singleCharacter(character.toUpperCase());
  if (full !== undefined) return full;
  // Greek with iota subscript: the simple upper case is the title-case letter, 8 places on.
  if ((cp >= 0x1f80 && cp <= 0x1fa7 && (cp & 0xf) < 8) || cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3) {
    return String.fromCodePoint(cp >= 0x1fb3 ? cp + 9 : cp + 8);
  }
  return character;
}

function singleCharacter(text: string): string | undefined {
  const characters = Array.from(text);
  return characters.length === 1 ? characters[0] : undefined;
}
