import { gunzipSync } from 'node:zlib';

/** What the tests check of a pprof profile: its sample types and how many samples it holds. */
export interface PprofSummary {
  /** `[type, unit]` names of each sample type, e.g. `['inuse_space', 'bytes']`. */
  readonly sampleTypes: readonly (readonly [string, string])[];
  readonly samples: number;
  readonly strings: readonly string[];
}

/**
 * Gunzips and reads a pprof `Profile` message (profile.proto) just far enough to summarize it.
 * Written out by hand, since the server's dependencies ship no decoder; every wire type a
 * profile uses is handled, so a malformed message throws.
 */
export function readPprof(gzipped: Buffer): PprofSummary {
  check(gzipped[0] === 0x1f && gzipped[1] === 0x8b, 'not gzip data');
  const message = gunzipSync(gzipped);
  const strings: string[] = [];
  const sampleTypeRefs: [number, number][] = [];
  let samples = 0;
  for (const field of fields(message)) {
    if (field.number === 1 && field.bytes !== undefined) {
      const valueType = new Map([...fields(field.bytes)].map((f) => [f.number, f.varint ?? 0]));
      sampleTypeRefs.push([valueType.get(1) ?? 0, valueType.get(2) ?? 0]);
    } else if (field.number === 2) {
      samples += 1;
    } else if (field.number === 6 && field.bytes !== undefined) {
      strings.push(field.bytes.toString('utf8'));
    }
  }
  return {
    sampleTypes: sampleTypeRefs.map(([type, unit]) => [strings[type] ?? '?', strings[unit] ?? '?'] as const),
    samples,
    strings,
  };
}

interface Field {
  readonly number: number;
  readonly varint?: number;
  readonly bytes?: Buffer;
}

function* fields(buffer: Buffer): Generator<Field> {
  let offset = 0;
  const varint = (): number => {
    let value = 0;
    // A varint is at most 10 bytes; the bound keeps a corrupt message from looping.
    for (let shift = 0; shift < 70; shift += 7) {
      check(offset < buffer.length, 'truncated varint');
      const byte = buffer[offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('varint too long');
  };
  while (offset < buffer.length) {
    const key = varint();
    const number = Math.floor(key / 8);
    switch (key % 8) {
      case 0:
        yield { number, varint: varint() };
        break;
      case 1:
        offset += 8;
        yield { number };
        break;
      case 2: {
        const length = varint();
        check(offset + length <= buffer.length, 'truncated field');
        yield { number, bytes: buffer.subarray(offset, offset + length) };
        offset += length;
        break;
      }
      case 5:
        offset += 4;
        yield { number };
        break;
      default:
        throw new Error(`unexpected wire type ${key % 8}`);
    }
  }
  check(offset === buffer.length, 'field runs past the end');
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`invalid pprof data: ${message}`);
}
