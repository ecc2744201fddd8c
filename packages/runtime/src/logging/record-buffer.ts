/**
 * The records logged before `logging` is evaluated (spec §7.1). Bounded, so a startup that
 * never configures logging cannot grow memory without end: past `limit`, the oldest record
 * makes room and is counted.
 */
export class RecordBuffer<T> {
  readonly limit: number;
  // A ring once full: `#head` is the oldest slot.
  readonly #slots: T[] = [];
  #head = 0;
  #dropped = 0;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`buffer limit must be a positive integer, got ${limit}`);
    this.limit = limit;
  }

  push(item: T): void {
    if (this.#slots.length < this.limit) {
      this.#slots.push(item);
      return;
    }
    this.#slots[this.#head] = item;
    this.#head = (this.#head + 1) % this.limit;
    this.#dropped++;
  }

  /** The kept items, oldest first, and how many were dropped to keep within the limit. */
  contents(): { readonly items: readonly T[]; readonly dropped: number } {
    const items = [...this.#slots.slice(this.#head), ...this.#slots.slice(0, this.#head)];
    return { items, dropped: this.#dropped };
  }
}
