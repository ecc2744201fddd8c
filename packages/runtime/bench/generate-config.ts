/**
 * Generated configurations for the runtime benchmark, each with a JSON document of the same
 * structure for the baseline.
 *
 *   chain    `c0` takes a literal (or the `head` expression), and every `c<i>` takes
 *            `c<i-1>`'s output: each node depends on the one before it;
 *   fan-out  `root` takes a literal (or `head`), and `f1` … `f<n-1>` each take `root`'s
 *            output: one node with n-1 dependants.
 *
 * Every block is a `testcomponents.passthrough`. `edited: true` changes one argument that
 * nothing depends on: the last component's input gets `+ "!"` appended, so a reload from
 * the plain text to the edited one (or back) must update exactly that component.
 *
 * The JSON mirror has one object per block, its input either a string or a `"$ref"`
 * object, laid out with the same line breaks and tab indentation as the Alloy text.
 */

const KIND = 'testcomponents.passthrough';

export type Shape = 'chain' | 'fan-out';

export interface ConfigOptions {
  readonly shape: Shape;
  /** Components in all, at least 2. */
  readonly components: number;
  /** Append `+ "!"` to the last component's input. */
  readonly edited?: boolean;
  /** The first component's `input` expression, as Alloy source; `"start"` by default. */
  readonly head?: string;
}

export interface GeneratedConfig {
  readonly alloy: string;
  readonly json: string;
  /** Component IDs in file order. */
  readonly ids: readonly string[];
  /** The ID `edited` changes (the last component). */
  readonly editedId: string;
}

export function generateConfig({ shape, components, edited = false, head = '"start"' }: ConfigOptions): GeneratedConfig {
  if (!Number.isInteger(components) || components < 2) throw new RangeError(`need at least 2 components, got ${components}`);
  const labels = Array.from({ length: components }, (_, i) => (shape === 'chain' ? `c${i}` : i === 0 ? 'root' : `f${i}`));
  const ids = labels.map((label) => `${KIND}.${label}`);

  const alloy: string[] = [];
  const json: string[] = [];
  for (let i = 0; i < components; i++) {
    const source = i === 0 ? undefined : `${ids[shape === 'chain' ? i - 1 : 0]}.output`;
    const suffix = edited && i === components - 1 ? ' + "!"' : '';
    const input = (source ?? head) + suffix;
    alloy.push(`${KIND} "${labels[i]}" {\n\tinput = ${input}\n}\n`);

    const jsonInput =
      source === undefined
        ? JSON.stringify(head)
        : `{ "$ref": ${JSON.stringify(source)}${suffix === '' ? '' : `, "$append": "!"`} }`;
    json.push(`\t{\n\t\t"$block": "${KIND}",\n\t\t"$label": "${labels[i]}",\n\t\t"input": ${jsonInput}\n\t}`);
  }
  return {
    alloy: alloy.join('\n'),
    json: `[\n${json.join(',\n')}\n]\n`,
    ids,
    editedId: ids.at(-1)!,
  };
}
