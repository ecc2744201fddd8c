import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile, type File } from '@ingot/syntax';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefaultRegistry } from '../src/component/registry.js';
import type { Logger, LogFields } from '../src/component/options.js';
import { Controller, type LoadOutcome } from '../src/controller/controller.js';
import { ComponentNode } from '../src/controller/live/component-node.js';
import { testComponents } from '../src/testing/components.js';

const registry = new DefaultRegistry(testComponents);

function parse(source: string): File[] {
  const { file, diagnostics } = parseFile(source, { filename: 'main.alloy' });
  expect(diagnostics).toEqual([]);
  return [file];
}

function logger(lines: string[] = []): Logger {
  const log = (level: string) => (message: string, fields?: LogFields) => lines.push(`${level}: ${message} ${JSON.stringify(fields ?? {})}`);
  const self: Logger = { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error'), child: () => self };
  return self;
}

let dir: string;
let abort: AbortController;
let running: Promise<void> | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingot-controller-'));
  abort = new AbortController();
  running = undefined;
});

afterEach(async () => {
  abort.abort();
  await running;
  rmSync(dir, { recursive: true, force: true });
});

function controller(): Controller {
  return new Controller({
    registry,
    lookup: { minStability: 'generally-available', communityComponents: false },
    storagePath: join(dir, 'data'),
    logger: logger(),
    concurrency: 2,
  });
}

function start(c: Controller): void {
  running = c.run(abort.signal);
}

function output(c: Controller, id: string): unknown {
  const node = c.node(id);
  if (!(node instanceof ComponentNode)) throw new Error(`${id} is not a component`);
  const value = node.exportsValue;
  if (value.type !== 'object') throw new Error('exports are not an object');
  const [first] = value.fields.values();
  return first?.type === 'string' || first?.type === 'number' ? first.value : first;
}

function applied(outcome: LoadOutcome): Extract<LoadOutcome, { status: 'applied' }> {
  if (outcome.status !== 'applied') throw new Error(`rejected: ${outcome.diagnostics.map((d) => d.message).join('; ')}`);
  return outcome;
}

const chain = (input: string) => `
testcomponents.passthrough "a" { input = "${input}" }
testcomponents.passthrough "b" { input = testcomponents.passthrough.a.output + "-b" }
testcomponents.passthrough "c" { input = testcomponents.passthrough.b.output + "-c" }
`;

describe('Controller: loading', () => {
  it('evaluates in dependency order, so each node sees the exports of what it references', async () => {
    const c = controller();
    const outcome = applied(await c.load(parse(chain('x'))));
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.changes.added).toEqual(['testcomponents.passthrough.a', 'testcomponents.passthrough.b', 'testcomponents.passthrough.c']);
    expect(output(c, 'testcomponents.passthrough.c')).toBe('x-b-c');
    expect(c.loaded).toBe(true);
  });

  it('reuses nodes by ID and updates only those whose arguments changed', async () => {
    const c = controller();
    await c.load(parse(chain('x')));
    const before = c.node('testcomponents.passthrough.b');
    const outcome = applied(
      await c.load(parse(`${chain('x')}\ntestcomponents.passthrough "d" { input = "new" }`.replace('"-c"', '"-C"'))),
    );
    expect(outcome.changes).toEqual({
      added: ['testcomponents.passthrough.d'],
      updated: ['testcomponents.passthrough.c'],
      removed: [],
      unchanged: 2,
    });
    expect(c.node('testcomponents.passthrough.b')).toBe(before);
    expect(output(c, 'testcomponents.passthrough.c')).toBe('x-b-C');
  });

  it('rejects a config with phase-A errors and changes nothing', async () => {
    const c = controller();
    await c.load(parse(chain('x')));
    const node = c.node('testcomponents.passthrough.a');
    const outcome = await c.load(parse(`${chain('y')}\nnope.nope "x" {}`));
    expect(outcome.status).toBe('rejected');
    expect(outcome.diagnostics.map((d) => d.message)).toEqual(['cannot find the definition of component name "nope.nope"']);
    expect(c.node('testcomponents.passthrough.a')).toBe(node);
    expect(output(c, 'testcomponents.passthrough.c')).toBe('x-b-c');
  });

  it('applies a reload with evaluation errors partially: the failing node keeps its arguments and turns unhealthy', async () => {
    const c = controller();
    await c.load(parse(chain('x')));
    const source = chain('y').replace('input = testcomponents.passthrough.a.output + "-b"', 'input = [1]');
    const outcome = applied(await c.load(parse(source)));
    expect(outcome.diagnostics.map((d) => d.message)).toEqual(['[1] should be string, got array']);
    expect(output(c, 'testcomponents.passthrough.a')).toBe('y');
    expect(output(c, 'testcomponents.passthrough.b')).toBe('x-b');
    const b = c.node('testcomponents.passthrough.b') as ComponentNode;
    expect(b.health()).toMatchObject({
      state: 'unhealthy',
      message: 'component evaluation failed: decoding configuration: main.alloy:3:42: [1] should be string, got array',
    });
  });

  it('does not run anything after a first load that failed', async () => {
    const c = controller();
    const file = join(dir, 'events');
    start(c);
    const outcome = applied(
      await c.load(parse(`testcomponents.lifecycle "ok" { file = "${file}" }\ntestcomponents.lifecycle "bad" { file = "${file}"\n fail = true }`)),
    );
    expect(outcome.diagnostics.map((d) => d.message)).toEqual(['Failed to build component: building component: asked to fail']);
    expect(c.loaded).toBe(false);
    await c.settled();
    expect(c.runningTasks()).toEqual([]);
  });
});

describe('Controller: propagation', () => {
  it('re-evaluates direct dependants when exports change, transitively', async () => {
    const c = controller();
    start(c);
    await c.load(
      parse(`
testcomponents.count "n" {
  frequency = "5ms"
  max = 3
}
testcomponents.passthrough "p" { input = string.format("count=%d", testcomponents.count.n.count) }
testcomponents.passthrough "q" { input = testcomponents.passthrough.p.output }
`),
    );
    for (let i = 0; i < 200 && output(c, 'testcomponents.passthrough.q') !== 'count=3'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(output(c, 'testcomponents.passthrough.q')).toBe('count=3');
  });

  it('does not update a dependant whose arguments come out equal', async () => {
    const c = controller();
    start(c);
    const config = (a: number, b: number) => `
testcomponents.passthrough "a" { input = "${a}" }
testcomponents.passthrough "b" { input = "${b}" }
testcomponents.summation "s" { input = encoding.from_json(testcomponents.passthrough.a.output) + encoding.from_json(testcomponents.passthrough.b.output) }
`;
    await c.load(parse(config(1, 2)));
    expect(output(c, 'testcomponents.summation.s')).toBe(3n);
    // The reload evaluates s with 10 + 20; the export changes of a and b then re-evaluate it
    // after the load, with the same arguments, which must not add 30 a second time.
    const outcome = applied(await c.load(parse(config(10, 20))));
    await c.settled();
    expect(outcome.changes.updated).toEqual(['testcomponents.passthrough.a', 'testcomponents.passthrough.b', 'testcomponents.summation.s']);
    expect(output(c, 'testcomponents.summation.s')).toBe(33n);
  });
});

describe('Controller: scheduling', () => {
  it('runs loaded components, keeps unchanged ones running across reloads, and stops removed ones', async () => {
    const c = controller();
    const file = join(dir, 'events');
    start(c);
    const config = (extra: string) => `
testcomponents.lifecycle "keep" { file = "${file}" }
${extra}`;
    await c.load(parse(config(`testcomponents.lifecycle "gone" { file = "${file}" }`)));
    await c.settled();
    await c.load(parse(config(`testcomponents.lifecycle "new" { file = "${file}" }`)));
    await c.settled();
    const events = readFileSync(file, 'utf8').trim().split('\n');
    expect(events).toEqual([
      'start testcomponents.lifecycle.keep',
      'start testcomponents.lifecycle.gone',
      'stop testcomponents.lifecycle.gone',
      'start testcomponents.lifecycle.new',
    ]);
    abort.abort();
    await running;
    expect(readFileSync(file, 'utf8').trim().split('\n').slice(4).sort()).toEqual([
      'stop testcomponents.lifecycle.keep',
      'stop testcomponents.lifecycle.new',
    ]);
  });

  it('keeps a stable receiver across a reload that reconfigures its owner, losing nothing', async () => {
    const c = controller();
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    start(c);
    const config = (file: string) => `
testcomponents.sink "s" { file = "${file}" }
testcomponents.producer "p" {
  forward_to = [testcomponents.sink.s.receiver]
  max = 300
}`;
    await c.load(parse(config(first)));
    await c.settled();
    const receiver = output(c, 'testcomponents.sink.s');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const outcome = applied(await c.load(parse(config(second))));
    expect(outcome.changes.updated).toEqual(['testcomponents.sink.s']);
    expect(output(c, 'testcomponents.sink.s')).toBe(receiver);
    const read = (file: string) => {
      try {
        return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number);
      } catch {
        return [];
      }
    };
    for (let i = 0; i < 400 && read(first).length + read(second).length < 300; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const all = [...read(first), ...read(second)];
    expect(all).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});

describe('Controller: warnings while wiring, as upstream logs them', () => {
  it('warns when a component shadows a stdlib name, and when a deprecated function is used', async () => {
    const lines: string[] = [];
    const c = new Controller({
      registry,
      lookup: { minStability: 'generally-available', communityComponents: false },
      storagePath: join(dir, 'data'),
      logger: logger(lines),
    });
    const outcome = await c.load(
      parse(`
declare "string" {
  export "out" { value = "x" }
}
string "a" {}
testcomponents.passthrough "p" { input = string.a.out + to_upper("y") }
`),
    );
    expect(outcome.diagnostics).toEqual([]);
    expect(lines).toContain('warn: a component is shadowing an existing stdlib name {"component":"string.a","stdlib name":"string"}');
    expect(lines).toContain(
      'warn: this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives {"function":"to_upper"}',
    );
    expect(output(c, 'testcomponents.passthrough.p')).toBe('xY');
  });
});
