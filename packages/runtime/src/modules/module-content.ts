import { parseFile, summarizeDiagnostics } from '@ingot/syntax';
import type { SourceBlock } from '../controller/classify.js';
import type { ModuleContent } from './import-source.js';

/** An imported module's top-level blocks: only declares and imports are allowed (spec §4.6). */
export interface ModuleBlocks {
  readonly declares: readonly SourceBlock[];
  readonly imports: readonly SourceBlock[];
}

export type ModuleParse = { readonly ok: true; readonly blocks: ModuleBlocks } | { readonly ok: false; readonly message: string };

/**
 * Parses imported content, file by file in name order, into its declares and imports, with
 * upstream's texts for what cannot be a module. Duplicate declare labels keep the first.
 */
export function parseModule(content: ModuleContent): ModuleParse {
  const declares: SourceBlock[] = [];
  const imports: SourceBlock[] = [];
  const seen = new Set<string>();
  for (const name of [...content.keys()].sort()) {
    const parsed = parseFile(content.get(name)!, { filename: name });
    if (parsed.diagnostics.some((d) => d.severity === 'error')) {
      return { ok: false, message: `imported content from ${JSON.stringify(name)} cannot be parsed: ${summarizeDiagnostics(parsed.diagnostics)}` };
    }
    for (const statement of parsed.file.body) {
      if (statement.kind !== 'Block') {
        return { ok: false, message: `imported content from ${JSON.stringify(name)} is invalid: only declare and import blocks are allowed in a module` };
      }
      const blockName = statement.name.join('.');
      if (blockName === 'declare') {
        if (seen.has(statement.label)) continue;
        seen.add(statement.label);
        declares.push({ block: statement, file: name });
      } else if (statement.name[0] === 'import' && statement.name.length === 2) {
        imports.push({ block: statement, file: name });
      } else {
        return {
          ok: false,
          message: `imported content from ${JSON.stringify(name)} is invalid: only declare and import blocks are allowed in a module, got ${blockName}`,
        };
      }
    }
  }
  return { ok: true, blocks: { declares, imports } };
}
