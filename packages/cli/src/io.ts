/**
 * What a command may touch of the outside world. `main` defaults to the real process;
 * tests pass their own, so no command needs a child process to be tested.
 */
export interface Output {
  write(text: string): unknown;
  /** True when the stream is a terminal; decides colour. */
  readonly isTTY?: boolean;
}

/** The signals `ingot run` handles. */
export type HandledSignal = 'SIGHUP' | 'SIGINT' | 'SIGTERM';

export interface Signals {
  /** Calls `handler` on each `signal` until the returned function is called. */
  on(signal: HandledSignal, handler: () => void): () => void;
}

export interface Io {
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signals: Signals;
}

export function processIo(): Io {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signals: {
      on(signal, handler) {
        process.on(signal, handler);
        return () => process.off(signal, handler);
      },
    },
  };
}

/** All of standard input, as bytes. */
export async function readAll(input: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
