import type { Capsule } from '@ingot/syntax';

/** Anything that accepts data: `append` settles once the item is accepted, which is the backpressure. */
export interface Sink<T> {
  append(item: T): Promise<void>;
}

/**
 * A receiver a component exports (as a capsule) that stays the same object for the
 * component's whole life, while the sink behind it is swapped (issue 5, §1 "Stable
 * receivers"; spec §3.7). Because the capsule is identical across reloads and updates,
 * consumers holding it are never re-evaluated just because their producer was reconfigured.
 *
 * The contract of a swap:
 * - Every `append` is bound to the sink current at the moment of the call and settles with
 *   that sink's answer. Appends in flight during a swap therefore finish on the old sink;
 *   appends made after `swap` returns go to the new one. Nothing is retried or duplicated.
 * - `swap` resolves once every append bound to the sink it replaced has settled. The owner
 *   closes the old sink only after awaiting `swap`, so no append ever meets a closed sink.
 * - Appends made before the first sink is attached wait for it (the owner may export the
 *   receiver from its factory and attach the sink in `run`), and are then handed to it in
 *   call order.
 */
export class StableReceiver<T> implements Sink<T>, Capsule {
  readonly typeName: string;
  #sink: Sink<T> | undefined;
  /** Appends bound to each sink that have not settled yet, so a swap can wait for them. */
  readonly #inFlight = new Map<Sink<T>, Set<Promise<unknown>>>();
  /** Appends made while no sink was attached, in call order. */
  #waiting: { readonly item: T; readonly settle: (accepted: Promise<void>) => void }[] = [];

  /** `typeName` is what messages quote, e.g. `pyroscope.Appendable`. */
  constructor(typeName: string, sink?: Sink<T>) {
    this.typeName = typeName;
    this.#sink = sink;
  }

  append(item: T): Promise<void> {
    const sink = this.#sink;
    if (sink === undefined) {
      return new Promise<void>((resolve) => this.#waiting.push({ item, settle: resolve }));
    }
    return this.#bind(sink, item);
  }

  /**
   * Routes every later append to `next` and resolves when all appends bound to the sink it
   * replaces have settled (whether they were accepted or refused).
   */
  async swap(next: Sink<T>): Promise<void> {
    const previous = this.#sink;
    this.#sink = next;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const { item, settle } of waiting) settle(this.#bind(next, item));
    if (previous === undefined || previous === next) return;
    await Promise.allSettled([...(this.#inFlight.get(previous) ?? [])]);
  }

  /** Capsules compare by identity: the same receiver is the same value. */
  equals(other: Capsule): boolean {
    return other === this;
  }

  describe(): string {
    return this.typeName;
  }

  #bind(sink: Sink<T>, item: T): Promise<void> {
    let pending = this.#inFlight.get(sink);
    if (pending === undefined) {
      pending = new Set();
      this.#inFlight.set(sink, pending);
    }
    const accepted = callAppend(sink, item);
    const tracked = accepted.then(
      () => undefined,
      () => undefined,
    );
    pending.add(tracked);
    const inFlight = pending;
    void tracked.then(() => {
      inFlight.delete(tracked);
      // Forget a sink once idle, so swapped-out sinks can be collected.
      if (inFlight.size === 0 && this.#inFlight.get(sink) === inFlight) this.#inFlight.delete(sink);
    });
    return accepted;
  }
}

/** Calls `sink.append`, turning a synchronous throw into a rejection like any other refusal. */
function callAppend<T>(sink: Sink<T>, item: T): Promise<void> {
  try {
    return Promise.resolve(sink.append(item));
  } catch (error) {
    return Promise.reject(error);
  }
}
