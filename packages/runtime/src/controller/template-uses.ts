import type { Body } from '@ingot/syntax';

/**
 * The names of outer custom components a `declare` template instantiates (spec §1.6): the
 * first name segments of its blocks for which `isOuterDefinition` holds, looking into
 * nested declares. A template's own declares and imports shadow outer ones of the same
 * name, throughout the template, so using them is no dependency on the outside.
 */
export function templateUses(body: Body, isOuterDefinition: (name: string) => boolean): Set<string> {
  const used = new Set<string>();
  const walk = (statements: Body, shadowed: ReadonlySet<string>): void => {
    const local = new Set(shadowed);
    for (const statement of statements) {
      if (statement.kind === 'Block' && definesName(statement.name)) local.add(statement.label);
    }
    for (const statement of statements) {
      if (statement.kind !== 'Block') continue;
      const [first] = statement.name;
      if (statement.name.length === 1 && first === 'declare') walk(statement.body, local);
      else if (first !== undefined && !local.has(first) && isOuterDefinition(first)) used.add(first);
    }
  };
  walk(body, new Set());
  return used;
}

/** `declare "x"` defines the custom component `x`; `import.* "x"` the namespace `x`. */
function definesName(name: readonly string[]): boolean {
  return (name.length === 1 && name[0] === 'declare') || (name.length === 2 && name[0] === 'import');
}
