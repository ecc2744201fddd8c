/**
 * A logger's bound attributes: its parent's, then its own. Lines repeat them verbatim, so
 * each format renders them once per logger (as slog pre-formats `WithAttrs`), the first
 * time a line in that format needs them.
 */
import type { LogFields } from '../component/options.js';
import type { LineFormat } from './log-record.js';

export class Bindings {
  /** The root logger's: nothing. */
  static readonly NONE = new Bindings(undefined, {});

  readonly #parent: Bindings | undefined;
  readonly #own: LogFields;
  readonly #rendered = new Map<LineFormat, string>();

  private constructor(parent: Bindings | undefined, own: LogFields) {
    this.#parent = parent;
    this.#own = own;
  }

  /** These bindings followed by `fields`, copied so later changes to the object don't show. */
  with(fields: LogFields): Bindings {
    return new Bindings(this, Object.freeze({ ...fields }));
  }

  render(format: LineFormat): string {
    let text = this.#rendered.get(format);
    if (text === undefined) {
      text = (this.#parent?.render(format) ?? '') + format.attributes(this.#own);
      this.#rendered.set(format, text);
    }
    return text;
  }
}
