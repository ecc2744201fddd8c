import { attr, block, NO_POSITION, parseFile, t, type Diagnostic, type File } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { defineComponent } from '../component/registration.js';
import { DefaultRegistry, type LookupOptions } from '../component/registry.js';
import { loadGraph, type LoadOptions, type LoadResult } from './loader.js';

const idle = { run: async () => {}, update: async () => {} };

const passthrough = defineComponent({
  name: 'test.passthrough',
  stability: 'generally-available',
  arguments: block({ fields: { input: attr(t.string) } }),
  exports: block({ fields: { output: attr(t.string) } }),
  build: async () => idle,
});
const tick = defineComponent({
  name: 'test.tick',
  stability: 'experimental',
  arguments: block({ fields: {} }),
  exports: block({ fields: { tick_time: attr(t.string) } }),
  build: async () => idle,
});
const community = defineComponent({
  name: 'acme.thing',
  community: true,
  arguments: block({ fields: {} }),
  exports: undefined,
  build: async () => idle,
});

const registry = new DefaultRegistry([passthrough, tick, community]);
const ga: LookupOptions = { minStability: 'generally-available', communityComponents: false };
const root: LoadOptions = { registry, lookup: ga, scope: { kind: 'root' } };

function parse(source: string, filename = 'main.alloy'): File {
  const { file, diagnostics } = parseFile(source, { filename });
  expect(diagnostics).toEqual([]);
  return file;
}

function load(source: string | readonly File[], options: LoadOptions = root): LoadResult {
  return loadGraph(typeof source === 'string' ? [parse(source)] : source, options);
}

function errors(source: string | readonly File[], options: LoadOptions = root): readonly Diagnostic[] {
  const result = load(source, options);
  if (result.ok) throw new Error('expected the load to fail');
  return result.diagnostics;
}

const messages = (source: string | readonly File[], options: LoadOptions = root): string[] =>
  errors(source, options).map((d) => d.message);

const edges = (result: LoadResult): string[] =>
  [...result.graph.ids()].flatMap((id) => [...result.graph.dependencies(id)].map((to) => `${id} -> ${to}`));

describe('loadGraph: a valid config', () => {
  const source = [
    'test.passthrough "c" {',
    '  input = string.format("%s/%s", test.passthrough.b.output, module_path)',
    '}',
    'test.passthrough "a" { input = "start" }',
    'test.passthrough "b" {',
    '  input = test.passthrough.a.output',
    '  again = test.passthrough.a.output',
    '}',
    'logging { level = "debug" }',
  ].join('\n');

  it('plans one node per block, with the implicit tracing node, and an edge per dependency', () => {
    const result = load(source);
    expect(result.ok).toBe(true);
    expect([...result.graph.entries()].map(([id, node]) => `${node.kind}:${id}`)).toEqual([
      'config:logging',
      'default:tracing',
      'builtin:test.passthrough.c',
      'builtin:test.passthrough.a',
      'builtin:test.passthrough.b',
    ]);
    // Two references to the same node collapse into one edge; stdlib and module_path make none.
    expect(edges(result)).toEqual(['test.passthrough.c -> test.passthrough.b', 'test.passthrough.b -> test.passthrough.a']);
    const c = result.graph.node('test.passthrough.c');
    expect(c?.kind === 'builtin' && c.registration).toBe(passthrough);
  });

  it('orders nodes after what they depend on', () => {
    const result = load(source);
    if (!result.ok) throw new Error('expected the load to succeed');
    expect(result.nodes.map((node) => node.id)).toEqual([
      'logging',
      'tracing',
      'test.passthrough.a',
      'test.passthrough.b',
      'test.passthrough.c',
    ]);
  });

  it('makes a custom component of a block named after a declare, shadowing builtins', () => {
    const result = load(
      [
        'declare "inner" { acme.thing "x" { input = argument.v.value } }',
        'declare "test" { inner "i" { } }',
        'test.passthrough "one" { value = "x" }',
        'import.file "lib" { filename = module_path }',
        'lib.thing "two" { value = test.passthrough.one.output }',
      ].join('\n'),
    );
    expect(result.ok ? [] : result.diagnostics).toEqual([]);
    const one = result.graph.node('test.passthrough.one');
    expect(one?.kind === 'custom' && one.definition).toBe('declare.test');
    expect(edges(result)).toEqual([
      'declare.test -> declare.inner',
      'test.passthrough.one -> declare.test',
      'test.passthrough.one -> declare.inner',
      'lib.thing.two -> import.file.lib',
      'lib.thing.two -> test.passthrough.one',
    ]);
  });

  it('concatenates files in the order given, and IDs are unique across them', () => {
    const a = parse('test.passthrough "a" { input = "x" }', 'a.alloy');
    const b = parse('test.passthrough "b" { input = test.passthrough.a.output }\n', 'b.alloy');
    expect(edges(load([a, b]))).toEqual(['test.passthrough.b -> test.passthrough.a']);
    const again = parse('\n  test.passthrough "a" { input = "y" }', 'b.alloy');
    expect(errors([a, again])).toEqual([
      {
        severity: 'error',
        message: 'block test.passthrough.a already declared at a.alloy:1:1',
        file: 'b.alloy',
        start: { offset: 3, line: 2, column: 3 },
        end: { offset: 20, line: 2, column: 20 },
      },
    ]);
  });
});

describe('loadGraph: statements and config blocks (spec §1.2, §1.5)', () => {
  it('refuses top-level attributes', () => {
    expect(messages('level = "debug"')).toEqual(['unrecognized attribute level']);
  });

  it('refuses a declare labelled declare and duplicate declares', () => {
    expect(messages('declare "declare" { }')).toEqual([`'declare' is not a valid label for a declare block`]);
    expect(messages('declare "a" { }\ndeclare "a" { }')).toEqual(['block declare.a already declared at main.alloy:1:1']);
  });

  it('refuses duplicate config blocks, spanning the ID from the block name', () => {
    expect(errors('logging { }\n\nlogging { }')).toEqual([
      {
        severity: 'error',
        message: 'block logging already declared at main.alloy:1:1',
        file: 'main.alloy',
        start: { offset: 13, line: 3, column: 1 },
        end: { offset: 19, line: 3, column: 7 },
      },
    ]);
  });

  it('gates foreach by the stability level', () => {
    const source = 'foreach "f" { collection = [1] }';
    expect(messages(source)).toEqual([
      'config block "foreach" is at stability level "experimental", which is below the minimum allowed stability ' +
        'level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
    ]);
    expect(load(source, { ...root, lookup: { ...ga, minStability: 'experimental' } }).ok).toBe(true);
  });

  it('keeps argument and export blocks to modules', () => {
    expect(messages('argument "a" { }\nexport "b" { value = 1 }')).toEqual([
      'argument blocks only allowed inside a module',
      'export blocks only allowed inside a module',
    ]);
  });

  it('keeps logging and tracing to the root, adds no defaults in a module, and checks provided arguments', () => {
    const module: LoadOptions = { ...root, scope: { kind: 'module', arguments: ['a', 'b'] } };
    expect(errors('logging { }\ntracing { }\nargument "a" { }', module)).toEqual([
      expect.objectContaining({ message: 'logging block not allowed inside a module', start: expect.objectContaining({ line: 1 }) }),
      expect.objectContaining({ message: 'tracing block not allowed inside a module', start: expect.objectContaining({ line: 2 }) }),
      { severity: 'error', message: 'Provided argument "b" is not defined in the module', file: '', start: NO_POSITION },
    ]);
    const ok = load('argument "a" { }\nexport "out" { value = argument.a.value }', { ...module, scope: { kind: 'module', arguments: ['a'] } });
    expect([...ok.graph.ids()]).toEqual(['argument.a', 'export.out']);
    expect(edges(ok)).toEqual(['export.out -> argument.a']);
  });
});

describe('loadGraph: components (spec §1.4, §1.5)', () => {
  it('reports duplicate components at the first one', () => {
    expect(messages('test.passthrough "a" { }\ntest.passthrough "a" { }')).toEqual([
      'block test.passthrough.a already declared at main.alloy:1:1',
    ]);
  });

  it('reports registry lookups with upstream text, on the whole block', () => {
    expect(errors('test.nope "a" {\n}')).toEqual([
      {
        severity: 'error',
        message: 'cannot find the definition of component name "test.nope"',
        file: 'main.alloy',
        start: { offset: 0, line: 1, column: 1 },
        end: { offset: 16, line: 2, column: 1 },
      },
    ]);
    expect(messages('acme.thing "a" { }')).toEqual([
      'the component "acme.thing" is a community component. ' +
        'Use the --feature.community-components.enabled command-line flag to enable community components',
    ]);
    expect(messages('test.tick "a" { }')).toEqual([
      'component "test.tick" is at stability level "experimental", which is below the minimum allowed stability ' +
        'level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
    ]);
  });

  it('requires a label on builtin components, after the lookup', () => {
    expect(messages('test.passthrough { }\ntest.nope { }')).toEqual([
      'component "test.passthrough" must have a label',
      'cannot find the definition of component name "test.nope"',
    ]);
  });
});

describe('loadGraph: references and cycles (spec §1.6, §1.7)', () => {
  it('reports a reference to nothing on the traversal, and collects every error', () => {
    expect(errors('test.passthrough "a" {\n  input = test.passthrough.b.output\n}\nlevel = 1')).toEqual([
      expect.objectContaining({ message: 'unrecognized attribute level' }),
      {
        severity: 'error',
        message: 'component "test.passthrough.b.output" does not exist or is out of scope',
        file: 'main.alloy',
        start: { offset: 33, line: 2, column: 11 },
        end: { offset: 57, line: 2, column: 35 },
      },
    ]);
  });

  it('does not see argument at the root, and refuses a reference to a refused component', () => {
    expect(messages('test.passthrough "a" { input = argument.x.value }')).toEqual([
      'component "argument.x.value" does not exist or is out of scope',
    ]);
    expect(messages('test.tick "t" { }\ntest.passthrough "a" { input = test.tick.t.tick_time }')).toEqual([
      expect.stringContaining('component "test.tick" is at stability level "experimental"'),
      'component "test.tick.t.tick_time" does not exist or is out of scope',
    ]);
  });

  it('gates experimental stdlib functions where they are named', () => {
    const source = 'test.passthrough "a" { input = array.group_by([], "k") }';
    expect(messages(source)).toEqual([
      'array.group_by is at stability level "experimental", which is below the minimum allowed stability level ' +
        '"generally-available". Use --stability.level command-line flag to enable "experimental" features',
    ]);
    expect(load(source, { ...root, lookup: { ...ga, minStability: 'experimental' } }).ok).toBe(true);
  });

  it('reports cycles and self references without a position', () => {
    const source = [
      'test.passthrough "a" { input = test.passthrough.b.output }',
      'test.passthrough "b" { input = test.passthrough.a.output }',
      'test.passthrough "c" { input = test.passthrough.c.output }',
    ].join('\n');
    expect(errors(source)).toEqual([
      { severity: 'error', message: 'cycle: test.passthrough.b, test.passthrough.a', file: '', start: NO_POSITION },
      { severity: 'error', message: 'self reference: test.passthrough.c', file: '', start: NO_POSITION },
    ]);
  });

  it('finds declares that instantiate each other', () => {
    expect(messages('declare "a" { b "x" { } }\ndeclare "b" { a "y" { } }')).toEqual(['cycle: declare.b, declare.a']);
    // A template's own declare shadows the outer one of the same name: no self reference.
    expect(load('declare "a" {\n  declare "a" { }\n  a "x" { }\n}').ok).toBe(true);
  });
});
