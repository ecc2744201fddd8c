/** Command-line options shared by the benches: `--name N` numbers and `--tsx`. */

/** The positive number after `--name`, or `fallback`; `integer` also requires a whole one. */
export function numberOption(name: string, fallback: number, integer = false): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  const valid = integer ? Number.isInteger(value) : Number.isFinite(value);
  if (!valid || value <= 0) throw new Error(`--${name} needs a positive ${integer ? 'integer' : 'number'}`);
  return value;
}

/** Time the tsx-loaded sources instead of the code as tsc emits it. */
export const viaTsx = process.argv.includes('--tsx');
