/**
 * A producer → sink chain inside an imported declare, while the imported module file is
 * rewritten again and again (spec §3.7 stable receivers, §4.5, §4.6): every import update
 * reloads the instance's template, and the nested load must keep the chain running. The
 * sink's `tag` changes in some rewrites, so the sink is updated and swaps its sink behind
 * the stable receiver while numbers are in flight; other rewrites change only things beside
 * the chain. At the end the sink's file holds 1…N exactly once each, in order, and the
 * producer was built once, started once and never updated.
 *
 * The controller is built here rather than through the module harness, so that the producer
 * and the sink can be counting wrappers of the test components (same names, same behaviour).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile, type Value } from '@ingot/syntax';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component } from '../../src/component/component.js';
import type { LogFields, Logger } from '../../src/component/options.js';
import type { AnyRegistration } from '../../src/component/registration.js';
import { DefaultRegistry } from '../../src/component/registry.js';
import { Controller } from '../../src/controller/controller.js';
import { ComponentNode } from '../../src/controller/live/component-node.js';
import { CustomComponentNode } from '../../src/controller/live/custom-node.js';
import { builtinImportSources } from '../../src/modules/sources/index.js';
import { producer, sink, testComponents } from '../../src/testing/components.js';
import { linesOf, sleep, str } from './remote-support.js';

/** How many numbers the producer sends; at `interval = "1ms"` that takes a few seconds. */
const N = 3000;
const TIMEOUT_MS = 30_000;

interface Counts {
  builds: number;
  runs: number;
  updates: number;
}

/** `registration` with its builds, runs and updates counted into `counts`. */
function counting(registration: AnyRegistration, counts: Counts): AnyRegistration {
  return {
    ...registration,
    async build(options, args) {
      counts.builds++;
      const component = (await registration.build(options, args)) as Component<unknown>;
      return {
        ...component,
        run(signal: AbortSignal) {
          counts.runs++;
          return component.run(signal);
        },
        update(next: unknown) {
          counts.updates++;
          return component.update(next);
        },
      };
    },
  } as AnyRegistration;
}

/** A logger keeping warnings and errors, for failure messages. */
function recordingLogger(lines: string[]): Logger {
  const log = (level: string) => (message: string, fields?: LogFields) => {
    if (lines.length < 2000) lines.push(`${level}: ${message} ${JSON.stringify(fields ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`);
  };
  const self: Logger = { debug: () => {}, info: () => {}, warn: log('warn'), error: log('error'), child: () => self };
  return self;
}

/** One revision of the imported module: what the rewrite changes. */
interface Revision {
  /** The sink's `tag` default: a change updates the sink (a swap behind its receiver). */
  readonly tag: string;
  /** The passthrough's input, beside the chain. */
  readonly passthrough: string;
  /** How many extra, unrelated exports the declare has. */
  readonly extraExports: number;
  /** An unrelated declare next to the pipeline's. */
  readonly otherDeclare?: boolean;
}

const REVISIONS: readonly Revision[] = [
  { tag: 'v0', passthrough: 'a', extraExports: 0 },
  { tag: 'v0', passthrough: 'a', extraExports: 1 }, // an export added
  { tag: 'v1', passthrough: 'a', extraExports: 1 }, // the sink's tag: the sink swaps
  { tag: 'v1', passthrough: 'b', extraExports: 1 }, // a passthrough beside the chain
  { tag: 'v2', passthrough: 'b', extraExports: 2 }, // tag and an export
  { tag: 'v2', passthrough: 'b', extraExports: 2, otherDeclare: true }, // another declare in the file
  { tag: 'v3', passthrough: 'c', extraExports: 0 }, // tag, passthrough, exports removed
  { tag: 'v4', passthrough: 'c', extraExports: 0, otherDeclare: true }, // tag again
];

/** The number of rewrites that change the sink's `tag`. */
const TAG_CHANGES = REVISIONS.filter((revision, i) => i > 0 && revision.tag !== REVISIONS[i - 1]!.tag).length;

function moduleText(index: number, events: string): string {
  const revision = REVISIONS[index]!;
  const extra = Array.from({ length: revision.extraExports }, (_, i) => `\n  export "extra_${i}" {\n    value = ${i}\n  }\n`).join('');
  return `
declare "pipeline" {
  argument "file" {}

  argument "tag" {
    optional = true
    default  = ${str(revision.tag)}
  }

  testcomponents.producer "p" {
    forward_to = [testcomponents.sink.s.receiver]
    max        = ${N}
    interval   = "1ms"
  }

  testcomponents.sink "s" {
    file = argument.file.value
    tag  = argument.tag.value
  }

  testcomponents.passthrough "pt" {
    input = ${str(revision.passthrough)}
  }

  testcomponents.lifecycle "l" {
    file = ${str(events)}
  }

  export "revision" {
    value = ${index}
  }

  export "tag" {
    value = argument.tag.value
  }

  export "passthrough" {
    value = testcomponents.passthrough.pt.output
  }
${extra}}
${revision.otherDeclare === true ? '\ndeclare "other" {\n  argument "x" {\n    optional = true\n  }\n}\n' : ''}`;
}

describe('a producer → sink chain in an imported declare, across import updates', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(`delivers 1…${N} exactly once, in order, while the module is rewritten; the producer is never restarted`, { timeout: TIMEOUT_MS + 10_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingot-chain-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const numbers = join(dir, 'numbers');
    const events = join(dir, 'events');
    const moduleFile = join(dir, 'module.alloy');
    writeFileSync(moduleFile, moduleText(0, events));

    const producerCounts: Counts = { builds: 0, runs: 0, updates: 0 };
    const sinkCounts: Counts = { builds: 0, runs: 0, updates: 0 };
    const registrations = testComponents.map((registration) => {
      if (registration.name === producer.name) return counting(registration, producerCounts);
      if (registration.name === sink.name) return counting(registration, sinkCounts);
      return registration;
    });
    const logs: string[] = [];
    const controller = new Controller({
      registry: new DefaultRegistry(registrations),
      lookup: { minStability: 'generally-available', communityComponents: false },
      storagePath: join(dir, '.data'),
      logger: recordingLogger(logs),
      modulePath: dir,
      importSources: builtinImportSources,
      concurrency: 4,
    });
    const abort = new AbortController();
    const run = controller.run(abort.signal);
    cleanups.push(async () => {
      abort.abort();
      await run;
    });

    const main = `
import.file "mod" {
  filename       = file.path_join(module_path, "module.alloy")
  detector       = "poll"
  poll_frequency = "20ms"
}

mod.pipeline "p" {
  file = ${str(numbers)}
}
`;
    const { file, diagnostics } = parseFile(main, { filename: 'main.alloy' });
    expect(diagnostics).toEqual([]);
    const outcome = await controller.load([file]);
    expect(outcome.diagnostics.map((d) => d.message)).toEqual([]);
    expect(controller.loaded).toBe(true);

    const deadline = Date.now() + TIMEOUT_MS;
    /** Polls (bounded by the test's deadline) until `predicate` holds. */
    const until = async (what: string, predicate: () => boolean): Promise<void> => {
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`${what}: not within ${TIMEOUT_MS} ms; logged:\n${logs.slice(-20).join('\n')}`);
        await sleep(5);
      }
    };
    const instance = () => controller.node('mod.pipeline.p');
    const exported = (name: string): Value | undefined => {
      const node = instance();
      return node instanceof CustomComponentNode ? node.exportsMap.get(name) : undefined;
    };
    const inner = (id: string) => controller.modules.get('mod.pipeline.p')?.node(id);

    await until('numbers flow', () => linesOf(numbers).length >= 50);
    const instanceNode = instance();
    const producerNode = inner('testcomponents.producer.p');
    const sinkNode = inner('testcomponents.sink.s');
    expect(producerNode).toBeInstanceOf(ComponentNode);
    expect(sinkNode).toBeInstanceOf(ComponentNode);
    const producerComponent = (producerNode as ComponentNode).component;

    const flowing: number[] = [];
    for (let index = 1; index < REVISIONS.length; index++) {
      const revision = REVISIONS[index]!;
      writeFileSync(moduleFile, moduleText(index, events));
      await until(`revision ${index} applied`, () => {
        const value = exported('revision');
        const tag = exported('tag');
        const passthrough = exported('passthrough');
        return (
          value?.type === 'number' &&
          Number(value.value) === index &&
          tag?.type === 'string' &&
          tag.value === revision.tag &&
          passthrough?.type === 'string' &&
          passthrough.value === revision.passthrough
        );
      });
      flowing.push(linesOf(numbers).length);
      await sleep(30);
    }
    // Every rewrite landed while the producer was still sending: the updates raced the chain.
    expect(flowing.at(-1)!, `lines written when each revision was applied: ${flowing.join(', ')}`).toBeLessThan(N);

    await until(`all ${N} numbers written`, () => linesOf(numbers).length >= N);
    // A little longer: nothing is written twice after the end.
    await sleep(100);
    await controller.settled();

    const written = linesOf(numbers).map(Number);
    const expected = Array.from({ length: N }, (_, i) => i + 1);
    if (written.length !== N || written.some((n, i) => n !== i + 1)) {
      const firstBad = written.findIndex((n, i) => n !== i + 1);
      throw new Error(`sink file: ${written.length} lines, first out of place at line ${firstBad + 1}: ${written.slice(Math.max(0, firstBad - 3), firstBad + 5).join(',')}`);
    }
    expect(written).toEqual(expected);

    // The same instance, producer and sink throughout; the producer built, started once, never updated.
    expect(instance()).toBe(instanceNode);
    expect(inner('testcomponents.producer.p')).toBe(producerNode);
    expect(inner('testcomponents.sink.s')).toBe(sinkNode);
    expect((inner('testcomponents.producer.p') as ComponentNode).component).toBe(producerComponent);
    expect(producerCounts).toEqual({ builds: 1, runs: 1, updates: 0 });
    // The sink was updated (swapped) exactly once per tag change, never rebuilt or restarted.
    expect(sinkCounts).toEqual({ builds: 1, runs: 1, updates: TAG_CHANGES });
    // Components beside the chain whose arguments never changed were not restarted either.
    expect(linesOf(events)).toEqual(['start mod.pipeline.p/testcomponents.lifecycle.l']);
    expect(logs.filter((line) => line.startsWith('error:'))).toEqual([]);
  });
});
