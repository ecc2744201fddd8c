import { Readable } from 'node:stream';
import type { Io } from '../src/io.js';

export interface Captured {
  text: string;
  readonly isTTY: boolean;
  write(text: string): void;
}

export interface FakeIo extends Io {
  readonly stdout: Captured;
  readonly stderr: Captured;
}

function capture(isTTY: boolean): Captured {
  return {
    text: '',
    isTTY,
    write(text: string) {
      this.text += text;
    },
  };
}

/** An in-memory `Io`: stdin from a string or bytes, stdout/stderr captured as text. */
export function fakeIo(
  options: { stdin?: string | Uint8Array; env?: Record<string, string>; isTTY?: boolean } = {},
): FakeIo {
  const input = options.stdin ?? '';
  const isTTY = options.isTTY ?? false;
  return {
    stdin: Readable.from([typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input)]),
    stdout: capture(isTTY),
    stderr: capture(isTTY),
    env: options.env ?? {},
  };
}
