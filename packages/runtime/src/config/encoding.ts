/** Byte-order marks of encodings a config must not be in, by their names in upstream messages; UTF-32 LE first, as it starts like UTF-16 LE. */
const BOMS: readonly (readonly [string, readonly number[]])[] = [
  ['UTF32BigEndian', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF32LittleEndian', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF16BigEndian', [0xfe, 0xff]],
  ['UTF16LittleEndian', [0xff, 0xfe]],
];

/**
 * Why `bytes` cannot be a config, or `undefined` (spec §1.1): a UTF-16 or UTF-32
 * byte-order mark names its encoding; otherwise the text must be valid UTF-8.
 */
export function checkEncoding(bytes: Uint8Array): string | undefined {
  for (const [name, bom] of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) return `configuration is encoded with ${name} but must be utf8`;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'unknown encoding for config';
  }
  return undefined;
}
