import { Readable } from 'node:stream';
import type { HandledSignal, Io } from '../src/io.js';

export interface Captured {
  text: string;
  readonly isTTY: boolean;
  write(text: string): void;
}

export interface FakeIo extends Io {
  readonly stdout: Captured;
  readonly stderr: Captured;
  /** Delivers a signal to the handlers `ingot run` installed, as the kernel would. */
  raise(signal: HandledSignal): void;
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
  const handlers = new Map<HandledSignal, Set<() => void>>();
  return {
    stdin: Readable.from([typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input)]),
    stdout: capture(isTTY),
    stderr: capture(isTTY),
    env: options.env ?? {},
    signals: {
      on(signal, handler) {
        let set = handlers.get(signal);
        if (set === undefined) handlers.set(signal, (set = new Set()));
        set.add(handler);
        return () => set.delete(handler);
      },
    },
    raise(signal) {
      for (const handler of handlers.get(signal) ?? []) handler();
    },
  };
}
