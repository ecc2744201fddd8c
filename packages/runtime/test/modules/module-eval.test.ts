/**
 * Instances across reloads, module IDs and inner global IDs: upstream's
 * module_eval_test.go (TestUpdates_*, on declares instead of the retired module.string) and
 * spec §4.5 (nested controllers, their IDs, first-load rule, re-exports).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComponentNode } from '../../src/controller/live/component-node.js';
import { CustomComponentNode } from '../../src/controller/live/custom-node.js';
import { useModuleHarness, type RunningCase } from './harness.js';
import { COUNTER, sumIs } from './fixtures.js';

const { start } = useModuleHarness();

function applied(running: RunningCase) {
  const outcome = running.outcome;
  if (outcome.status !== 'applied') throw new Error(`rejected: ${running.errors.join('; ')}`);
  return outcome;
}

/** The lines `testcomponents.lifecycle` appended to `events`. */
function events(running: RunningCase): string[] {
  try {
    return readFileSync(join(running.dir, 'events'), 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

describe('instances across reloads of the root config', () => {
  const template = (dir: string) => `
declare "m" {
  argument "x" {}

  testcomponents.lifecycle "l" {
    file = "${join(dir, 'events')}"
    value = argument.x.value
  }

  testcomponents.passthrough "pt" {
    input = testcomponents.lifecycle.l.output
  }

  export "out" {
    value = testcomponents.passthrough.pt.output
  }
}
`;
  const config = (dir: string, one: string, two: string) => `${template(dir)}
m "one" {
  x = "${one}"
}

m "two" {
  x = "${two}"
}
`;

  it("changing one instance's argument updates only that instance; the others' inner nodes stay", async () => {
    const running = start();
    await running.load(config(running.dir, 'a', 'b'));
    await running.waitFor({ exports: { 'm.one': { out: 'a' }, 'm.two': { out: 'b' } }, modules: ['m.one', 'm.two'] });
    await running.until('both inner lifecycles started', () => events(running).length === 2);

    const inner = ['testcomponents.lifecycle.l', 'testcomponents.passthrough.pt'];
    const innerNodes = (instance: string) => inner.map((id) => running.node(`${instance}/${id}`));
    const one = running.node('m.one');
    const two = running.node('m.two');
    const oneModule = running.controller.modules.get('m.one');
    const oneInner = innerNodes('m.one');
    const twoInner = innerNodes('m.two');
    expect([...oneInner, ...twoInner].every((node) => node instanceof ComponentNode)).toBe(true);

    await running.load(config(running.dir, 'a', 'B'));
    expect(applied(running).changes).toEqual({ added: [], updated: ['m.two'], removed: [], unchanged: 1 });
    await running.waitFor({ exports: { 'm.one': { out: 'a' }, 'm.two': { out: 'B' } }, modules: ['m.one', 'm.two'] });

    expect(running.node('m.one')).toBe(one);
    expect(running.node('m.two')).toBe(two);
    expect(running.controller.modules.get('m.one')).toBe(oneModule);
    innerNodes('m.one').forEach((node, i) => expect(node).toBe(oneInner[i]));
    // The changed instance's inner nodes are updated in place, not rebuilt.
    innerNodes('m.two').forEach((node, i) => expect(node).toBe(twoInner[i]));
    await running.waitFor({ exports: { 'm.two/testcomponents.lifecycle.l': { output: 'B' }, 'm.one/testcomponents.lifecycle.l': { output: 'a' } } });
    // Nothing restarted.
    expect(events(running).sort()).toEqual(['start m.one/testcomponents.lifecycle.l', 'start m.two/testcomponents.lifecycle.l']);
  });

  it('reloading the same config updates nothing and re-exports nothing', async () => {
    const running = start();
    const main = `
declare "m" {
  argument "input" {}
  testcomponents.passthrough "pt" {
    input = argument.input.value
  }
  export "output" {
    value = testcomponents.passthrough.pt.output
  }
}
${COUNTER}
m "cc" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = m.cc.output
}
`;
    await running.load(main);
    await running.waitFor({ exports: sumIs(10) });
    const before = running.exports('testcomponents.summation.sum');
    await running.load(main);
    expect(applied(running).changes.updated).toEqual([]);
    await running.controller.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await running.controller.settled();
    expect(running.exports('testcomponents.summation.sum')).toEqual(before);
  });

  it('removing an instance stops its module and unregisters it', async () => {
    const running = start();
    await running.load(config(running.dir, 'a', 'b'));
    await running.waitFor({ modules: ['m.one', 'm.two'] });
    await running.until('both inner lifecycles started', () => events(running).length === 2);

    await running.load(`${template(running.dir)}\nm "one" {\n  x = "a"\n}\n`);
    expect(applied(running).changes).toEqual({ added: [], updated: [], removed: ['m.two'], unchanged: 1 });
    await running.waitFor({ modules: ['m.one'] });
    await running.until('the removed instance stopped', () => events(running).includes('stop m.two/testcomponents.lifecycle.l'));
    expect(running.node('m.two')).toBeUndefined();
    expect(events(running).filter((line) => line.includes('m.one'))).toEqual(['start m.one/testcomponents.lifecycle.l']);
  });

  it('a rejected reload (an instance of a removed declare) changes nothing', async () => {
    const running = start();
    await running.load(config(running.dir, 'a', 'b'));
    await running.waitFor({ modules: ['m.one', 'm.two'] });
    const one = running.node('m.one');

    await running.load(`m "one" {\n  x = "z"\n}\n`);
    expect(running.outcome.status).toBe('rejected');
    expect(running.errors).toEqual(['cannot find the definition of component name "m"']);
    await running.waitFor({ exports: { 'm.one': { out: 'a' } }, modules: ['m.one', 'm.two'], noErrors: false });
    expect(running.node('m.one')).toBe(one);
  });

  it("a template change removing an inner component stops it; the others keep running", async () => {
    const running = start();
    const file = join(running.dir, 'events');
    const main = (extra: string) => `
declare "m" {
  testcomponents.lifecycle "keep" {
    file = "${file}"
  }
  ${extra}
}

m "i" {}
`;
    await running.load(main(`testcomponents.lifecycle "gone" {\n    file = "${file}"\n  }`));
    await running.until('both inner lifecycles started', () => events(running).length === 2);
    const keep = running.node('m.i/testcomponents.lifecycle.keep');
    await running.load(main(''));
    await running.until('the removed one stopped', () => events(running).includes('stop m.i/testcomponents.lifecycle.gone'));
    expect(running.node('m.i/testcomponents.lifecycle.gone')).toBeUndefined();
    expect(running.node('m.i/testcomponents.lifecycle.keep')).toBe(keep);
    expect(events(running).filter((line) => line.includes('keep'))).toEqual(['start m.i/testcomponents.lifecycle.keep']);
  });

  it('renaming an instance replaces it: a new module under the new ID', async () => {
    const running = start();
    await running.load(config(running.dir, 'a', 'b'));
    await running.waitFor({ modules: ['m.one', 'm.two'] });
    await running.load(config(running.dir, 'a', 'b').replace('m "two"', 'm "three"'));
    expect(applied(running).changes).toEqual({ added: ['m.three'], updated: [], removed: ['m.two'], unchanged: 1 });
    await running.waitFor({ exports: { 'm.three': { out: 'b' } }, modules: ['m.one', 'm.three'] });
  });
});

describe('module IDs and inner global IDs (spec §4.5)', () => {
  const nested = (dir: string) => `
declare "outer" {
  declare "inner" {
    testcomponents.lifecycle "l" {
      file = "${join(dir, 'events')}"
      value = "deep"
    }

    export "value" {
      value = testcomponents.lifecycle.l.output
    }
  }

  inner "y" {}

  export "value" {
    value = inner.y.value
  }
}

outer "x" {}
`;

  it('a nested instance is the module outer.x/inner.y, and its components know their global IDs', async () => {
    const running = start();
    await running.load(nested(running.dir));
    await running.waitFor({ exports: { 'outer.x': { value: 'deep' }, 'outer.x/inner.y': { value: 'deep' } }, modules: ['outer.x', 'outer.x/inner.y'] });

    const outer = running.controller.modules.get('outer.x')!;
    const inner = running.controller.modules.get('outer.x/inner.y')!;
    expect(outer.id).toBe('outer.x');
    expect(inner.id).toBe('outer.x/inner.y');
    expect(outer.node('inner.y')).toBeInstanceOf(CustomComponentNode);
    expect((outer.node('inner.y') as CustomComponentNode).globalId).toBe('outer.x/inner.y');
    expect((running.node('outer.x') as CustomComponentNode).globalId).toBe('outer.x');

    const component = inner.node('testcomponents.lifecycle.l');
    expect(component).toBeInstanceOf(ComponentNode);
    expect((component as ComponentNode).globalId).toBe('outer.x/inner.y/testcomponents.lifecycle.l');
    // The component itself was given its global ID (options.id).
    await running.until('the inner lifecycle started', () => events(running).length > 0);
    expect(events(running)).toEqual(['start outer.x/inner.y/testcomponents.lifecycle.l']);
  });

  it('stopping the root stops the nested modules and unregisters them', async () => {
    const running = start();
    await running.load(nested(running.dir));
    await running.waitFor({ modules: ['outer.x', 'outer.x/inner.y'] });
    await running.until('the inner lifecycle started', () => events(running).length > 0);
    await running.stop();
    expect([...running.controller.modules.keys()]).toEqual([]);
    expect(events(running)).toEqual(['start outer.x/inner.y/testcomponents.lifecycle.l', 'stop outer.x/inner.y/testcomponents.lifecycle.l']);
  });

  it('an imported declare instance is a module under the instance ID, its namespace included', async () => {
    const running = start();
    await running.load(`
import.string "lib" {
  content = "declare \\"d\\" {\\n  testcomponents.passthrough \\"pt\\" {\\n    input = \\"in\\"\\n  }\\n}\\n"
}

lib.d "x" {}
`);
    await running.waitFor({ exports: { 'lib.d.x/testcomponents.passthrough.pt': { output: 'in' } }, modules: ['lib.d.x'] });
    expect((running.node('lib.d.x/testcomponents.passthrough.pt') as ComponentNode).globalId).toBe('lib.d.x/testcomponents.passthrough.pt');
  });
});

describe('the nested load rules (spec §4.5)', () => {
  const failing = (dir: string, fail: boolean) => `
declare "m" {
  argument "fail" {}

  testcomponents.lifecycle "ok" {
    file = "${join(dir, 'events')}"
  }

  testcomponents.lifecycle "bad" {
    file = "${join(dir, 'events')}"
    fail = argument.fail.value
  }
}
`;

  it("an instance's failing first load runs nothing inside and fails the instance", async () => {
    const running = start();
    await running.load(`${failing(running.dir, true)}\ntestcomponents.passthrough "other" {\n  input = "x"\n}\n`);
    await running.waitFor({ exports: { 'testcomponents.passthrough.other': { output: 'x' } } });
    await running.load(`${failing(running.dir, true)}\ntestcomponents.passthrough "other" {\n  input = "x"\n}\n\nm "i" {\n  fail = true\n}\n`);
    await running.waitFor({
      error: { exact: 'Failed to build component: building component: asked to fail' },
      health: { 'm.i': { state: 'unhealthy', message: 'component evaluation failed: updating custom component: ' } },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await running.controller.settled();
    expect(events(running)).toEqual([]);
    expect(running.controller.modules.get('m.i')?.runningTasks() ?? []).toEqual([]);
  });

  it('an instance whose later load fails keeps running what still loads', async () => {
    const running = start();
    await running.load(`${failing(running.dir, false)}\nm "i" {\n  fail = false\n}\n`);
    await running.waitFor({ modules: ['m.i'] });
    await running.until('both lifecycles started', () => events(running).length === 2);
    await running.load(`${failing(running.dir, false)}\nm "i" {\n  fail = true\n}\n`);
    await running.waitFor({
      error: { exact: 'Failed to build component: updating component: asked to fail' },
      health: {
        'm.i': { state: 'unhealthy' },
        'm.i/testcomponents.lifecycle.bad': { state: 'unhealthy' },
        'm.i/testcomponents.lifecycle.ok': { state: 'healthy' },
      },
    });
    expect(events(running).filter((line) => line.startsWith('stop'))).toEqual([]);
  });

  it('an inner export change re-evaluates the instance dependants (through two levels)', async () => {
    const running = start();
    await running.load(`
declare "outer" {
  declare "inner" {
    ${COUNTER.trim().replace(/\n/g, '\n    ')}

    export "n" {
      value = testcomponents.count.inc.count
    }
  }

  inner "i" {}

  export "n" {
    value = inner.i.n * 2
  }
}

outer "o" {}

testcomponents.summation "sum" {
  input = outer.o.n
}
`);
    await running.waitFor({ exports: { 'testcomponents.summation.sum': { last_added: 20 }, 'outer.o': { n: 20 }, 'outer.o/inner.i': { n: 10 } } });
  });
});
