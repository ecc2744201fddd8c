/**
 * Creating `import.git` sources as the import node does: arguments decoded from Alloy text,
 * a recording logger, and a data path in a temporary directory.
 */
import { decodeBody, formatDiagnostic, parseFile } from '@ingot/syntax';
import { recordingLogger, type LogLine } from '../../../../testing/recording-logger.js';

export { recordingLogger, type LogLine };
import type { ImportSource, ModuleContent } from '../../../import-source.js';
import type { GitArguments } from '../arguments.js';
import { importGit } from '../import-git.js';

/** Decodes an `import.git` block body; diagnostics as text. */
export function decodeGit(body: string): { ok: true; value: GitArguments } | { ok: false; errors: string[] } {
  const parsed = parseFile(`import.git "test" {\n${body}\n}\n`, { filename: 'config.alloy' });
  if (parsed.diagnostics.length > 0) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  const block = parsed.file.body[0];
  if (block?.kind !== 'Block') throw new Error('expected a block');
  const result = decodeBody(block.body, importGit.arguments, undefined, { filename: 'config.alloy', enclosing: block });
  return result.ok ? { ok: true, value: result.value } : { ok: false, errors: result.diagnostics.map(formatDiagnostic) };
}

/** Decodes the body or throws every diagnostic. */
export function gitArguments(body: string): GitArguments {
  const result = decodeGit(body);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

export interface Created {
  readonly source: ImportSource;
  readonly logger: ReturnType<typeof recordingLogger>;
}

export function createSource(body: string, dataPath: string): Created {
  const logger = recordingLogger();
  const source = importGit.create(gitArguments(body), { dataPath, logger, modulePath: '/importer' });
  return { source, logger };
}

/** The content as a plain object, for `toEqual`. */
export function entries(content: ModuleContent): Record<string, string> {
  return Object.fromEntries(content);
}

/** Resolves once `check` holds, polling every 25 ms; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Alloy string literal text for `value`. */
export function str(value: string): string {
  return JSON.stringify(value);
}
