/**
 * `import.file` of a single file: upstream's testdata/import_file/*.txtar (run by
 * import_test.go TestImportFile) and spec §4.4, §4.6, §4.7. Module files are real files in
 * the case's directory (`module_path`); updates rewrite them while the controller runs.
 */
import { describe, expect, it } from 'vitest';
import { useModuleHarness, type ModuleCase } from './harness.js';
import { COUNTER, importFileBlock, negateDeclare, passthroughDeclare, pipeline, sumIs, wrapperDeclare } from './fixtures.js';

const { runCase, start } = useModuleHarness();

describe('import.file: one file', () => {
  const cases: Record<string, ModuleCase> = {
    // import_file_1-like: import a module, rewrite it at run time.
    'a module file, rewritten while running (fsnotify)': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10), modules: ['testImport.a.cc'] },
      update: { files: { 'module.alloy': negateDeclare() }, expect: { exports: sumIs(-10), modules: ['testImport.a.cc'] } },
    },

    // the same through the poll detector
    'a module file, rewritten while running (poll detector)': {
      main: importFileBlock('testImport', 'module.alloy', 'detector = "poll"\n  poll_frequency = "50ms"') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
      update: { files: { 'module.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    },

    // import_file_6: the module imports another module and uses it in a nested declare;
    // the nested module is rewritten.
    'a module importing a module used in a nested declare; the nested one rewritten': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: {
        'module.alloy': `
${importFileBlock('testImport', 'nested_module.alloy')}
declare "a" {
  argument "input" {}

  ${wrapperDeclare('b', 'testImport.a').trim().replace(/\n/g, '\n  ')}

  b "cc" {
    input = argument.input.value
  }

  export "output" {
    value = b.cc.output
  }
}
`,
        'nested_module.alloy': passthroughDeclare(),
      },
      expect: {
        exports: { ...sumIs(10), 'testImport.a.cc/b.cc/testImport.a.cc/testcomponents.passthrough.pt': { output: '10' } },
        modules: ['testImport.a.cc', 'testImport.a.cc/b.cc', 'testImport.a.cc/b.cc/testImport.a.cc'],
      },
      update: { files: { 'nested_module.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    },

    // import_file_9: the import is inside a declare at the root.
    'an import inside a root declare; the nested module rewritten': {
      main: `
declare "b" {
  ${COUNTER.trim().replace(/\n/g, '\n  ')}

  ${importFileBlock('testImport', 'module.alloy').trim().replace(/\n/g, '\n  ')}

  testImport.a "cc" {
    input = testcomponents.count.inc.count
  }

  export "output" {
    value = testImport.a.cc.output
  }
}

b "cc" {}

testcomponents.summation "sum" {
  input = b.cc.output
}
`,
      files: {
        'module.alloy': `
${importFileBlock('testImport', 'nested_module.alloy')}
declare "a" {
  argument "input" {}

  ${wrapperDeclare('b', 'testImport.a').trim().replace(/\n/g, '\n  ')}

  b "cc" {
    input = argument.input.value
  }

  export "output" {
    value = b.cc.output
  }
}
`,
        'nested_module.alloy': passthroughDeclare(),
      },
      expect: { exports: sumIs(10), modules: ['b.cc', 'b.cc/testImport.a.cc', 'b.cc/testImport.a.cc/b.cc', 'b.cc/testImport.a.cc/b.cc/testImport.a.cc'] },
      update: { files: { 'nested_module.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    },

    // import_file_10: one declare of the module instantiates the other.
    'a module whose declares use each other; the module rewritten': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.b'),
      files: { 'module.alloy': passthroughDeclare('a') + wrapperDeclare('b', 'a') },
      expect: { exports: sumIs(10), modules: ['testImport.b.cc', 'testImport.b.cc/a.cc'] },
      update: { files: { 'module.alloy': negateDeclare('a') + wrapperDeclare('b', 'a') }, expect: { exports: sumIs(-10) } },
    },

    // import_file_13: the module's own import block is changed to point at another file.
    'a module whose import block is rewritten to import another file': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: {
        'module.alloy': importFileBlock('testImport', 'nested_module.alloy') + wrapperDeclare('a', 'testImport.a'),
        'nested_module.alloy': passthroughDeclare(),
        'other_nested_module.alloy': negateDeclare(),
      },
      expect: { exports: sumIs(10) },
      update: {
        files: { 'module.alloy': importFileBlock('testImport', 'other_nested_module.alloy') + wrapperDeclare('a', 'testImport.a') },
        expect: { exports: sumIs(-10) },
      },
    },

    // import_file_14: a template that is never instantiated is never checked.
    'a module with an unused declare using a component below the stability level': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: {
        'module.alloy': `
declare "unused" {
  testcomponents.experimental "unused" {}
}
${passthroughDeclare()}`,
      },
      expect: { exports: sumIs(10) },
    },

    // import_file_18: a module in a subdirectory imports relative to its own module_path.
    'a nested import relative to the module file directory': {
      main: importFileBlock('testImport', 'nested_test/module.alloy') + pipeline('testImport.a'),
      files: {
        'nested_test/module.alloy': importFileBlock('testImport', 'utils/module.alloy') + wrapperDeclare('a', 'testImport.a'),
        'nested_test/utils/module.alloy': passthroughDeclare(),
      },
      expect: { exports: sumIs(10) },
      update: { files: { 'nested_test/utils/module.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    },

    // import_file_20: the same, with the import inside the imported declare.
    'an import inside an imported declare, relative to the module file directory': {
      main: importFileBlock('testImport', 'nested_test/module.alloy') + pipeline('testImport.a'),
      files: {
        'nested_test/module.alloy': `
declare "a" {
  argument "input" {}

  ${importFileBlock('testImport', 'utils/module.alloy').trim().replace(/\n/g, '\n  ')}

  testImport.a "cc" {
    input = argument.input.value
  }

  export "output" {
    value = testImport.a.cc.output
  }
}
`,
        'nested_test/utils/module.alloy': passthroughDeclare(),
      },
      expect: { exports: sumIs(10) },
      update: { files: { 'nested_test/utils/module.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    },

    // Spec §4.4: an import namespace hides every builtin sharing its first segment.
    'an import labelled like a builtin namespace (import.file "testcomponents")': {
      main: `
${importFileBlock('testcomponents', 'module.alloy')}
testcomponents.passthrough "p" {
  input = "x"
}
`,
      files: {
        'module.alloy': `
declare "passthrough" {
  argument "input" {}

  export "output" {
    value = "custom " + argument.input.value
  }
}
`,
      },
      expect: { exports: { 'testcomponents.passthrough.p': { output: 'custom x' } }, modules: ['testcomponents.passthrough.p'] },
    },

    // Spec §4.6: module_path inside an imported file is that file's directory.
    'module_path inside an imported template is the module file directory': {
      main: `
${importFileBlock('lib', 'sub/dir/module.alloy')}
lib.where "w" {}
`,
      files: { 'sub/dir/module.alloy': 'declare "where" {\n  export "path" {\n    value = module_path\n  }\n}\n' },
      expect: {},
    },
  };

  for (const [name, testCase] of Object.entries(cases)) {
    if (name.startsWith('module_path')) continue;
    it(name, () => runCase(testCase));
  }

  it('module_path inside an imported template is the module file directory', async () => {
    const running = await runCase(cases['module_path inside an imported template is the module file directory']!);
    await running.waitFor({ exports: { 'lib.where.w': { path: `${running.dir}/sub/dir` } } });
  });
});

describe('import.file: errors (spec §4.4, §4.6)', () => {
  // Content problems show on the import node's health. (Whether they also fail its first
  // evaluation is checked separately below: spec §4.6 says they do not.)
  const cases: Record<string, ModuleCase> = {
    'a module with a component at its top level': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': 'testcomponents.passthrough "top" {\n  input = "x"\n}\n' + passthroughDeclare() },
      expect: {
        noErrors: false,
        health: {
          'import.file.testImport': {
            state: 'unhealthy',
            message: /imported content from ".*module\.alloy" is invalid: only declare and import blocks are allowed in a module, got testcomponents\.passthrough$/,
          },
        },
      },
    },

    'a module with an attribute at its top level': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': 'x = 1\n' + passthroughDeclare() },
      expect: {
        noErrors: false,
        health: { 'import.file.testImport': { state: 'unhealthy', message: /is invalid: only declare and import blocks are allowed in a module$/ } },
      },
    },

    'a module that does not parse': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': 'declare "a" {\n' },
      expect: { noErrors: false, health: { 'import.file.testImport': { state: 'unhealthy', message: /imported content from ".*module\.alloy" cannot be parsed: / } } },
    },

    'a nested import that fails': {
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': importFileBlock('inner', 'missing.alloy') + passthroughDeclare() },
      expect: {
        noErrors: false,
        health: { 'import.file.testImport': { state: 'unhealthy', message: /nested import block failed to evaluate: .*failed to read file: stat .*missing\.alloy: no such file or directory/ } },
      },
    },

    // A read failure does fail the evaluation (upstream: `failed to read file: stat …`).
    'a missing module file': {
      main: importFileBlock('testImport', 'missing.alloy') + pipeline('testImport.a'),
      expect: { error: /^Failed to evaluate node for config block: failed to read file: stat \/.*\/missing\.alloy: no such file or directory$/ },
    },

    // import_error_1-like: an imported module does not see the importer's declares.
    "an imported template using a declare of the importer": {
      main: `
declare "rootDeclare" {
  export "output" {
    value = 1
  }
}
${importFileBlock('testImport', 'module.alloy')}
testImport.a "cc" {}
`,
      files: { 'module.alloy': 'declare "a" {\n  rootDeclare "x" {}\n}\n' },
      expect: { error: { exact: 'cannot find the definition of component name "rootDeclare"' } },
    },

    // ... nor the importer's imports.
    "an imported template using an import of the importer": {
      main: `
${importFileBlock('rootImport', 'other.alloy')}
${importFileBlock('testImport', 'module.alloy')}
testImport.a "cc" {}
`,
      files: { 'module.alloy': 'declare "a" {\n  rootImport.b "x" {}\n}\n', 'other.alloy': 'declare "b" {}\n' },
      expect: { error: { exact: 'cannot find the definition of component name "rootImport.b"' } },
    },

    // Spec §4.4: the importer sees only the top-level declares of the imported module.
    'the importer using a declare of a module its import imports': {
      main: `
${importFileBlock('testImport', 'module.alloy')}
testImport.nested "cc" {}
`,
      files: {
        'module.alloy': importFileBlock('inner', 'nested_module.alloy'),
        'nested_module.alloy': 'declare "nested" {}\n',
      },
      expect: {
        error: {
          exact:
            'Failed to build component: loading custom component controller: custom component config not found in the registry, namespace: "testImport", componentName: "nested"',
        },
      },
    },

    'two imports with the same label': {
      main: importFileBlock('testImport', 'module.alloy') + importFileBlock('testImport', 'module.alloy'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { error: /^block import\.file\.testImport already declared at main\.alloy:2:1$/ },
    },

    'an unknown detector': {
      main: importFileBlock('testImport', 'module.alloy', 'detector = "inotify"'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { error: 'unrecognized detector "inotify", expected fsnotify or poll' },
    },

    'a zero poll_frequency': {
      main: importFileBlock('testImport', 'module.alloy', 'poll_frequency = "0s"'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { error: 'poll_frequency must be greater than 0' },
    },
  };

  for (const [name, testCase] of Object.entries(cases)) it(name, () => runCase(testCase));

  it('duplicate declare labels in a module: the first wins', () =>
    runCase({
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() + negateDeclare() },
      expect: { exports: sumIs(10) },
    }));

  // Spec §4.6: content problems do not fail the import's evaluation, they make it unhealthy;
  // only an unreadable file does (as upstream's import.file).
  it('a module that does not parse, unused: the config still loads and runs; only the import is unhealthy', async () => {
    const running = start({ 'module.alloy': 'declare "a" {\n' });
    await running.load(`${importFileBlock('testImport', 'module.alloy')}\ntestcomponents.passthrough "p" {\n  input = "x"\n}\n`);
    await running.waitFor({
      noErrors: true,
      exports: { 'testcomponents.passthrough.p': { output: 'x' } },
      health: { 'import.file.testImport': { state: 'unhealthy', message: 'cannot be parsed' } },
    }, 1000);
    expect(running.controller.loaded).toBe(true);
    expect(running.controller.runningTasks()).toContain('testcomponents.passthrough.p');
  });

  // Spec §4.6: an import's health is the least healthy of its parts, nested imports included.
  it('a nested module broken at run time makes the top import unhealthy', async () => {
    const running = await runCase({
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: {
        'module.alloy': importFileBlock('testImport', 'nested_module.alloy') + wrapperDeclare('a', 'testImport.a'),
        'nested_module.alloy': passthroughDeclare(),
      },
      expect: { exports: sumIs(10) },
    });
    running.write({ 'nested_module.alloy': 'declare "a" {\n' });
    await running.waitFor({ exports: sumIs(10), health: { 'import.file.testImport': { state: 'unhealthy', message: 'cannot be parsed' } } }, 1000);
  });
});

describe('import.file: hot reload keeps the last good module (spec §4.6)', () => {
  it('broken new content keeps the last module and makes the import unhealthy, until fixed', async () => {
    const running = await runCase({
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10), health: { 'import.file.testImport': { state: 'healthy' } } },
    });
    const instance = running.node('testImport.a.cc');

    running.write({ 'module.alloy': 'declare "a" {\n' });
    await running.waitFor({
      exports: sumIs(10),
      health: { 'import.file.testImport': { state: 'unhealthy', message: 'cannot be parsed' } },
    });
    running.write({ 'module.alloy': passthroughDeclare() + 'testcomponents.passthrough "top" {\n  input = "x"\n}\n' });
    await running.waitFor({
      exports: sumIs(10),
      health: { 'import.file.testImport': { state: 'unhealthy', message: 'only declare and import blocks are allowed in a module, got testcomponents.passthrough' } },
    });
    expect(running.node('testImport.a.cc')).toBe(instance);

    running.write({ 'module.alloy': negateDeclare() });
    await running.waitFor({ exports: sumIs(-10), health: { 'import.file.testImport': { state: 'healthy' } } });
  });

  it('new content whose template no longer loads: the instance turns unhealthy and keeps running the last template', async () => {
    const running = await runCase({
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
    });
    running.write({ 'module.alloy': 'declare "a" {\n  argument "input" {}\n\n  nope.nope "x" {}\n}\n' });
    await running.waitFor({
      exports: { ...sumIs(10), 'testImport.a.cc': { output: '10' } },
      health: {
        'import.file.testImport': { state: 'healthy' },
        'testImport.a.cc': { state: 'unhealthy', message: /updating custom component: .*module\.alloy:4:3: cannot find the definition of component name "nope\.nope"$/ },
      },
    });
    running.write({ 'module.alloy': negateDeclare() });
    await running.waitFor({ exports: sumIs(-10), health: { 'testImport.a.cc': { state: 'healthy' } } });
  });

  it('a removed module file keeps the last module and makes the import unhealthy', async () => {
    const running = await runCase({
      main: importFileBlock('testImport', 'module.alloy', 'detector = "poll"\n  poll_frequency = "20ms"') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
    });
    running.write({ 'module.alloy': null });
    await running.waitFor({
      exports: sumIs(10),
      health: { 'import.file.testImport': { state: 'unhealthy', message: 'failed to read file: ' } },
    });
    running.write({ 'module.alloy': negateDeclare() });
    await running.waitFor({ exports: sumIs(-10), health: { 'import.file.testImport': { state: 'healthy' } } });
  });

  it('rewriting a module with the same content changes nothing', async () => {
    const running = await runCase({
      main: importFileBlock('testImport', 'module.alloy', 'detector = "poll"\n  poll_frequency = "20ms"') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
    });
    const inner = running.node('testImport.a.cc/testcomponents.passthrough.pt');
    expect(inner).toBeDefined();
    const before = running.exports('testcomponents.summation.sum');
    running.write({ 'module.alloy': passthroughDeclare() });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await running.controller.settled();
    expect(running.exports('testcomponents.summation.sum')).toEqual(before);
    expect(running.node('testImport.a.cc/testcomponents.passthrough.pt')).toBe(inner);
  });

  it('a reload pointing the import at another file takes the new module', async () => {
    const running = start({ 'one.alloy': passthroughDeclare(), 'two.alloy': negateDeclare() });
    await running.load(importFileBlock('testImport', 'one.alloy') + pipeline('testImport.a'));
    await running.waitFor({ exports: sumIs(10) });
    await running.load(importFileBlock('testImport', 'two.alloy') + pipeline('testImport.a'));
    await running.waitFor({ exports: sumIs(-10) });
    // The old file is no longer watched: changing it changes nothing.
    running.write({ 'one.alloy': negateDeclare().replace('-argument', '100 * argument') });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await running.waitFor({ exports: sumIs(-10) });
  });

  it('an imported declare with two instances: both re-template', () =>
    runCase({
      main: `${importFileBlock('lib', 'module.alloy')}
${COUNTER}
lib.a "one" {
  input = testcomponents.count.inc.count
}

lib.a "two" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "s1" {
  input = lib.a.one.output
}

testcomponents.summation "s2" {
  input = lib.a.two.output
}
`,
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: { 'testcomponents.summation.s1': { last_added: 10 }, 'testcomponents.summation.s2': { last_added: 10 } } },
      update: {
        files: { 'module.alloy': negateDeclare() },
        expect: { exports: { 'testcomponents.summation.s1': { last_added: -10 }, 'testcomponents.summation.s2': { last_added: -10 } } },
      },
    }));

  it('an import inside a declare with two instances: each instance has its own import, both follow the file', () =>
    runCase({
      main: `
declare "w" {
  argument "input" {}
  ${importFileBlock('lib', 'module.alloy').trim().replace(/\n/g, '\n  ')}

  lib.a "cc" {
    input = argument.input.value
  }

  export "output" {
    value = lib.a.cc.output
  }
}
${COUNTER}
w "one" {
  input = testcomponents.count.inc.count
}

w "two" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "s1" {
  input = w.one.output
}

testcomponents.summation "s2" {
  input = w.two.output
}
`,
      files: { 'module.alloy': passthroughDeclare() },
      expect: {
        exports: { 'testcomponents.summation.s1': { last_added: 10 }, 'testcomponents.summation.s2': { last_added: 10 } },
        health: { 'w.one/import.file.lib': { state: 'healthy' }, 'w.two/import.file.lib': { state: 'healthy' } },
      },
      update: {
        files: { 'module.alloy': negateDeclare() },
        expect: { exports: { 'testcomponents.summation.s1': { last_added: -10 }, 'testcomponents.summation.s2': { last_added: -10 } } },
      },
    }));

  it('an import used by a local declare: rewriting the file re-templates the instance of the local declare', () =>
    runCase({
      main: importFileBlock('testImport', 'module.alloy') + wrapperDeclare('b', 'testImport.a') + pipeline('b'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10), modules: ['b.cc', 'b.cc/testImport.a.cc'] },
      update: { files: { 'module.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    }));

  it('a module rewritten, then the module it imports: both changes are followed', async () => {
    const identity = 'declare "a" {\n  argument "input" {}\n\n  export "output" {\n    value = argument.input.value\n  }\n}\n';
    const module = (factor: number) =>
      importFileBlock('testImport', 'nested_module.alloy') + wrapperDeclare('a', 'testImport.a').replace('value = testImport.a.cc.output', `value = ${factor} * testImport.a.cc.output`);
    const running = await runCase({
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': module(1), 'nested_module.alloy': identity },
      expect: { exports: sumIs(10) },
      update: { files: { 'module.alloy': module(2) }, expect: { exports: sumIs(20) } },
    });
    // The nested import was re-created with the new module: the new one is watched.
    running.write({ 'nested_module.alloy': negateDeclare() });
    await running.waitFor({ exports: sumIs(-20) });
    running.write({ 'nested_module.alloy': identity });
    await running.waitFor({ exports: sumIs(20) });
  });

  it('a reload turning an import.file into an import.string: the file is no longer followed', async () => {
    const running = await runCase({
      main: importFileBlock('testImport', 'module.alloy') + pipeline('testImport.a'),
      files: { 'module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
      update: {
        main: `import.string "testImport" {\n  content = ${JSON.stringify(negateDeclare())}\n}\n${pipeline('testImport.a')}`,
        expect: { exports: sumIs(-10) },
      },
    });
    expect(running.node('import.file.testImport')).toBeUndefined();
    running.write({ 'module.alloy': negateDeclare().replace('-argument', '100 * argument') });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await running.waitFor({ exports: sumIs(-10) });
  });
});
