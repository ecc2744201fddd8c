import { describe, expect, it } from 'vitest';
import { StableReceiver, type Sink } from './stable-receiver.js';

/** A sink that accepts after a random delay, refuses to work once closed, and records what it accepted. */
class CountingSink implements Sink<number> {
  readonly accepted: number[] = [];
  readonly violations: string[] = [];
  #closed = false;

  constructor(private readonly name: string) {}

  async append(item: number): Promise<void> {
    if (this.#closed) this.violations.push(`${this.name}: append ${item} after close`);
    await randomDelay();
    if (this.#closed) this.violations.push(`${this.name}: item ${item} completed after close`);
    this.accepted.push(item);
  }

  close(): void {
    this.#closed = true;
  }
}

function randomDelay(): Promise<void> {
  const roll = Math.random();
  if (roll < 0.3) return Promise.resolve();
  if (roll < 0.6) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));
}

/** A sink whose appends wait until released, to observe backpressure. */
class GatedSink implements Sink<string> {
  readonly accepted: string[] = [];
  #release: (() => void)[] = [];

  append(item: string): Promise<void> {
    return new Promise((resolve) => {
      this.#release.push(() => {
        this.accepted.push(item);
        resolve();
      });
    });
  }

  releaseAll(): void {
    const release = this.#release;
    this.#release = [];
    for (const accept of release) accept();
  }

  get pending(): number {
    return this.#release.length;
  }
}

async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('StableReceiver', () => {
  it('is a capsule equal only to itself', () => {
    const receiver = new StableReceiver<number>('pyroscope.Appendable');
    expect(receiver.typeName).toBe('pyroscope.Appendable');
    expect(receiver.equals(receiver)).toBe(true);
    expect(receiver.equals(new StableReceiver<number>('pyroscope.Appendable'))).toBe(false);
    expect(receiver.describe()).toBe('pyroscope.Appendable');
  });

  it('settles an append only when the sink has accepted it', async () => {
    const sink = new GatedSink();
    const receiver = new StableReceiver('test', sink);
    const append = receiver.append('a');
    expect(await settled(append)).toBe(false);
    sink.releaseAll();
    await append;
    expect(sink.accepted).toEqual(['a']);
  });

  it('holds appends made before a sink is attached and hands them over in call order', async () => {
    const receiver = new StableReceiver<string>('test');
    const appends = [receiver.append('a'), receiver.append('b')];
    expect(await settled(appends[0]!)).toBe(false);
    const sink = new GatedSink();
    await receiver.swap(sink);
    expect(sink.pending).toBe(2);
    sink.releaseAll();
    await Promise.all(appends);
    expect(sink.accepted).toEqual(['a', 'b']);
  });

  it('finishes in-flight appends on the old sink, and the swap waits for them', async () => {
    const old = new GatedSink();
    const next = new GatedSink();
    const receiver = new StableReceiver('test', old);
    const inFlight = receiver.append('before');
    const swap = receiver.swap(next);
    const after = receiver.append('after');
    expect(next.pending).toBe(1);
    expect(await settled(swap)).toBe(false);
    old.releaseAll();
    await Promise.all([inFlight, swap]);
    next.releaseAll();
    await after;
    expect(old.accepted).toEqual(['before']);
    expect(next.accepted).toEqual(['after']);
  });

  it('passes a refusal to the appender and still lets the swap complete', async () => {
    const failing: Sink<number> = {
      append: () => {
        throw new Error('queue full');
      },
    };
    const receiver = new StableReceiver('test', failing);
    await expect(receiver.append(1)).rejects.toThrow('queue full');
    await receiver.swap(new CountingSink('next'));
  });

  it('delivers every item exactly once through interleaved appends and swaps, never to a closed sink', async () => {
    const producers = 8;
    const itemsPerProducer = 250;
    const sinks: CountingSink[] = [new CountingSink('sink-0')];
    const receiver = new StableReceiver('test', sinks[0]);

    let producing = true;
    const produce = async (producer: number): Promise<void> => {
      for (let i = 0; i < itemsPerProducer; i++) {
        await receiver.append(producer * itemsPerProducer + i);
        if (Math.random() < 0.2) await randomDelay();
      }
    };
    // The owner's side of a reload: swap in a fresh sink, then close the old one.
    const reload = async (): Promise<void> => {
      while (producing) {
        const previous = sinks[sinks.length - 1]!;
        const next = new CountingSink(`sink-${sinks.length}`);
        sinks.push(next);
        await receiver.swap(next);
        previous.close();
        await randomDelay();
      }
    };

    const reloading = reload();
    await Promise.all(Array.from({ length: producers }, (_, producer) => produce(producer)));
    producing = false;
    await reloading;

    expect(sinks.length).toBeGreaterThan(10);
    expect(sinks.flatMap((sink) => sink.violations)).toEqual([]);
    const delivered = sinks.flatMap((sink) => sink.accepted).sort((a, b) => a - b);
    expect(delivered).toEqual(Array.from({ length: producers * itemsPerProducer }, (_, i) => i));
  });

  it('keeps its promise when swaps overlap', async () => {
    const first = new GatedSink();
    const receiver = new StableReceiver('test', first);
    const pending = receiver.append('x');
    const second = new GatedSink();
    const swapToSecond = receiver.swap(second);
    const swapToThird = receiver.swap(new GatedSink());
    // The second sink never received anything, so replacing it waits for nothing.
    expect(await settled(swapToThird)).toBe(true);
    expect(await settled(swapToSecond)).toBe(false);
    first.releaseAll();
    await Promise.all([pending, swapToSecond]);
  });
});
