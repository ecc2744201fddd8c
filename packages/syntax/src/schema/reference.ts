/**
 * A component's reference docs, generated from its schemas: the tables Alloy's component
 * pages have (arguments, blocks, one section per block, exported fields), in the same
 * words (`list(string)`, `duration`, `secret`; required `yes`/`no`; defaults in Alloy
 * syntax, durations as Go prints them).
 */
import { quote } from '../lexer/quote.js';
import { formatDuration, millisecondsToNanoseconds } from './duration.js';
import type { Alternatives, BlockSchema, BodySchema, Field } from './schema.js';
import type { AttrType } from './types.js';

export interface ReferenceSchemas {
  readonly arguments: BodySchema;
  /** The component's exports: a block of attributes. */
  readonly exports?: BlockSchema<any, any>;
}

/** Markdown for a component's arguments, blocks and exports. */
export function renderReference(schemas: ReferenceSchemas): string {
  const sections: string[] = ['## Arguments', '', argumentsTable(schemas.arguments)];

  const blocks = nestedBlocks(schemas.arguments, []);
  if (blocks.length > 0) {
    sections.push('', '## Blocks', '', blocksTable(blocks));
    for (const nested of blocks) {
      const heading = nested.path.map((name) => `\`${name}\``).join(' > ');
      const doc = nested.doc === undefined ? [] : [nested.doc, ''];
      sections.push('', `### ${heading}`, '', ...doc, argumentsTable(nested.schema));
    }
  }

  if (schemas.exports !== undefined) sections.push('', '## Exported fields', '', exportsTable(schemas.exports));
  return `${sections.join('\n')}\n`;
}

interface NestedBlock {
  readonly path: readonly string[];
  readonly schema: BodySchema;
  readonly doc: string | undefined;
  readonly required: boolean;
  readonly repeated: string | undefined;
}

/** Every block below `schema`, depth first, each after its parent (enum alternatives included). */
function nestedBlocks(schema: BodySchema, path: readonly string[]): NestedBlock[] {
  if (schema.kind === 'map') return [];
  const found: NestedBlock[] = [];
  for (const [name, field] of Object.entries(schema.fields) as [string, Field][]) {
    if (field.kind === 'attr') continue;
    if (field.kind === 'enum') {
      for (const [alternative, alternativeSchema] of Object.entries(field.alternatives as Alternatives)) {
        const nested = [...path, `${name}.${alternative}`];
        found.push({ path: nested, schema: alternativeSchema, doc: alternativeSchema.doc ?? field.doc, required: false, repeated: 'any number of times, in order' });
        found.push(...nestedBlocks(alternativeSchema, nested));
      }
      continue;
    }
    const nested = [...path, name];
    const repeated = field.kind === 'blocks' ? 'any number of times'
      : field.kind === 'fixed_blocks' ? `exactly ${field.count} times` : undefined;
    found.push({ path: nested, schema: field.schema, doc: field.doc ?? field.schema.doc, required: field.presence === 'required', repeated });
    found.push(...nestedBlocks(field.schema, nested));
  }
  return found;
}

function argumentsTable(schema: BodySchema): string {
  if (schema.kind === 'map') {
    return `Any attribute may be set; each value is a \`${typeName(schema.element)}\`.`;
  }
  const rows: string[][] = [];
  for (const [name, field] of Object.entries(schema.fields) as [string, Field][]) {
    if (field.kind !== 'attr') continue;
    const fallback = field.presence === 'defaulted' ? `\`${alloySyntax(field.default, field.type)}\`` : '';
    rows.push([`\`${name}\``, `\`${typeName(field.type)}\``, field.doc ?? '', fallback, yesNo(field.presence === 'required')]);
  }
  if (rows.length === 0) return 'The block takes no arguments.';
  return table(['Name', 'Type', 'Description', 'Default', 'Required'], rows);
}

function blocksTable(blocks: readonly NestedBlock[]): string {
  const rows = blocks.map((b) => {
    const repeated = b.repeated === undefined ? '' : ` May be written ${b.repeated}.`;
    return [b.path.map((name) => `\`${name}\``).join(' > '), `${b.doc ?? ''}${repeated}`.trim(), yesNo(b.required)];
  });
  return table(['Block', 'Description', 'Required'], rows);
}

function exportsTable(schema: BlockSchema<any, any>): string {
  const rows = (Object.entries(schema.fields) as [string, Field][])
    .filter((entry): entry is [string, Extract<Field, { kind: 'attr' }>] => entry[1].kind === 'attr')
    .map(([name, field]) => [`\`${name}\``, `\`${typeName(field.type)}\``, field.doc ?? '']);
  return table(['Name', 'Type', 'Description'], rows);
}

/** A type as Alloy's docs write it. */
function typeName(type: AttrType): string {
  switch (type.kind) {
    case 'number': return 'number';
    case 'optional_secret': return 'secret';
    case 'array': return `list(${typeName(type.element)})`;
    case 'map': return `map(${typeName(type.element)})`;
    case 'capsule': return type.typeName;
    default: return type.kind;
  }
}

/** A default value in Alloy syntax. */
function alloySyntax(value: unknown, type: AttrType): string {
  switch (type.kind) {
    case 'string': return quote(value as string);
    case 'duration': return quote(formatDuration(millisecondsToNanoseconds(value as number)));
    case 'number':
    case 'bool': return String(value);
    case 'secret':
    case 'optional_secret': return '(secret)';
    case 'array': return `[${(value as readonly unknown[]).map((e) => alloySyntax(e, type.element)).join(', ')}]`;
    case 'map': return objectSyntax(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, alloySyntax(v, type.element)]));
    case 'object': {
      const fields = Object.entries(type.fields as Record<string, AttrType>);
      return objectSyntax(fields.map(([k, t]) => [k, alloySyntax((value as Record<string, unknown>)[k], t)]));
    }
    case 'any':
    case 'capsule': return value === null ? 'null' : type.kind;
  }
}

function objectSyntax(entries: readonly (readonly [string, string])[]): string {
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${quote(k)} = ${v}`).join(', ')} }`;
}

function yesNo(required: boolean): string {
  return required ? 'yes' : 'no';
}

/** A markdown table with aligned columns; `|` in a cell is escaped. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}
