/**
 * Whether a command-line tool should colour what it writes to a stream. Mirrors the rules
 * upstream inherits from fatih/color (a terminal, no `NO_COLOR`, `TERM` not `dumb`) plus the
 * tool's own `--no-color` flag.
 */
export interface ColorContext {
  /** Whether the stream being written is a terminal (`stream.isTTY`). */
  readonly isTTY: boolean | undefined;
  /** The process environment. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when `--no-color` was given. */
  readonly noColorFlag?: boolean;
}

/**
 * Colour only when all hold: the stream is a TTY, `NO_COLOR` is not set to a non-empty
 * value (the no-color.org convention, which fatih/color follows), `TERM` is not `dumb`,
 * and `--no-color` was not given.
 */
export function shouldUseColor(context: ColorContext): boolean {
  if (context.noColorFlag === true) return false;
  if (context.isTTY !== true) return false;
  if (context.env.NO_COLOR) return false;
  if (context.env.TERM === 'dumb') return false;
  return true;
}
