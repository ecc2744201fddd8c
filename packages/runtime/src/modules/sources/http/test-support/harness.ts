/**
 * Creating `import.http` sources as the import node does: arguments decoded from Alloy text
 * and a logger that keeps its lines.
 */
import { decodeBody, formatDiagnostic, parseFile } from '@ingot/syntax';
import { recordingLogger } from '../../../../testing/recording-logger.js';
import type { ImportSource } from '../../../import-source.js';
import type { HttpArguments } from '../arguments.js';
import { importHttp } from '../import-http.js';

/** Decodes an `import.http` block body; diagnostics as text. */
export function decodeHttp(body: string): { ok: true; value: HttpArguments } | { ok: false; errors: string[] } {
  const parsed = parseFile(`import.http "test" {\n${body}\n}\n`, { filename: 'config.alloy' });
  if (parsed.diagnostics.length > 0) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  const block = parsed.file.body[0];
  if (block?.kind !== 'Block') throw new Error('expected a block');
  const result = decodeBody(block.body, importHttp.arguments, undefined, { filename: 'config.alloy', enclosing: block });
  return result.ok ? { ok: true, value: result.value } : { ok: false, errors: result.diagnostics.map(formatDiagnostic) };
}

export function httpArguments(body: string): HttpArguments {
  const result = decodeHttp(body);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

export function createSource(body: string): { source: ImportSource; logger: ReturnType<typeof recordingLogger> } {
  const logger = recordingLogger();
  const source = importHttp.create(httpArguments(body), { dataPath: '/data/import.http.test', logger, modulePath: '/importer' });
  return { source, logger };
}

/** The error `promise` rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error,
  );
}

/** Resolves once `check` holds, polling every 25 ms; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
