/**
 * Builds `local.file` as the runtime would: arguments decoded from Alloy text, a real
 * prom-client registry carrying the component's labels, a recording logger, and every
 * published export kept in order.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Component } from '@ingot/runtime';
import { decodeBody, formatDiagnostic, parseFile } from '@ingot/syntax';
import { Registry } from 'prom-client';
import { localFile, type LocalFileArguments, type LocalFileExports } from '../../src/index.js';
import { RecordingLogger } from './recording-logger.js';

const ID = 'local.file.test';

/** Decodes the body of a `local.file` block; throws with every diagnostic on failure. */
export function decodeArguments(body: string): LocalFileArguments {
  const result = decodeAlloy(body);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

/** Decodes the body of a `local.file` block as the runtime does, diagnostics as text. */
export function decodeAlloy(
  body: string,
): { ok: true; value: LocalFileArguments } | { ok: false; errors: string[] } {
  const source = `local.file "test" {\n${body}\n}\n`;
  const parsed = parseFile(source, { filename: 'config.alloy' });
  if (parsed.diagnostics.length > 0) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  const block = parsed.file.body[0];
  if (block?.kind !== 'Block') throw new Error('expected a block');
  const options = { filename: 'config.alloy', enclosing: block };
  const result = decodeBody(block.body, localFile.arguments, undefined, options);
  return result.ok ? { ok: true, value: result.value } : { ok: false, errors: result.diagnostics.map(formatDiagnostic) };
}

export interface Harness {
  readonly component: Component<LocalFileArguments>;
  readonly exports: LocalFileExports[];
  readonly logger: RecordingLogger;
  readonly metrics: Registry;
  /** The text of the last published `content`. */
  latest(): string | undefined;
}

export interface Context {
  readonly logger: RecordingLogger;
  readonly metrics: Registry;
  readonly exports: LocalFileExports[];
}

export function newContext(): Context {
  const metrics = new Registry();
  metrics.setDefaultLabels({ component_id: ID, component_path: '/' });
  return { logger: new RecordingLogger(), metrics, exports: [] };
}

export async function build(args: LocalFileArguments, context: Context = newContext()): Promise<Harness> {
  const component = await localFile.build(
    {
      id: ID,
      dataPath: join('data', ID),
      logger: context.logger.child({ component_path: '/', component_id: ID }),
      metrics: context.metrics,
      minStability: 'generally-available',
      onExports: (exports) => context.exports.push(exports),
      getServiceData: (name) => {
        throw new Error(`service "${name}" does not exist`);
      },
    },
    args,
  );
  return { component, ...context, latest: () => context.exports.at(-1)?.content.reveal() };
}

/**
 * Polls `condition` every 10 ms until it holds; fails after 5 s. The bound only stops a
 * broken test from hanging; no assertion depends on how fast anything happens.
 */
export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A fresh directory under the system temp dir, removed by the returned function. */
export async function tempDir(): Promise<{ readonly path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'ingot-local-file-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Starts `run` and returns how to stop it; stopping resolves once `run` has returned. */
export function startRun(component: Component<LocalFileArguments>): { stop(): Promise<void> } {
  const controller = new AbortController();
  const running = component.run(controller.signal);
  return {
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}
