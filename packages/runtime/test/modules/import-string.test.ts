/**
 * `import.string`: upstream's testdata/import_string/*.txtar (import_test.go
 * TestImportString), import_file_19, testdata/import_error/*.txtar (TestImportError), the
 * empty module of module_eval_test.go TestUpdates_EmptyModule, and spec §4.6, §4.7.
 */
import { describe, expect, it } from 'vitest';
import { useModuleHarness, type ModuleCase } from './harness.js';
import { COUNTER, negateDeclare, passthroughDeclare, pipeline, sumIs, wrapperDeclare } from './fixtures.js';

const { runCase, start } = useModuleHarness();

/** `import.string "<label>"` of `content`, as an Alloy raw string. */
const importString = (label: string, content: string): string => `
import.string "${label}" {
  content = \`${content}\`
}
`;

describe('import.string', () => {
  const cases: Record<string, ModuleCase> = {
    // import_string_1-like
    'a module given as a string': {
      main: importString('testImport', passthroughDeclare()) + pipeline('testImport.a'),
      expect: { exports: sumIs(10), modules: ['testImport.a.cc'], health: { 'import.string.testImport': { state: 'healthy' } } },
    },

    // import_string-like: a module whose declares use each other and a nested declare.
    'a module with a nested declare and declares using each other': {
      main:
        importString(
          'testImport',
          `${passthroughDeclare('a')}
declare "b" {
  argument "input" {}

  declare "c" {
    argument "input" {}
    export "output" {
      value = argument.input.value
    }
  }

  a "cc" {
    input = argument.input.value
  }

  c "cc" {
    input = a.cc.output
  }

  export "output" {
    value = c.cc.output
  }
}
`,
        ) + pipeline('testImport.b'),
      expect: { exports: sumIs(10), modules: ['testImport.b.cc', 'testImport.b.cc/a.cc', 'testImport.b.cc/c.cc'] },
    },

    // import.string inside a declare.
    'an import.string inside a declare': {
      main: `
declare "outer" {
  argument "input" {}
  ${importString('lib', negateDeclare()).trim().replace(/\n/g, '\n  ')}

  lib.a "cc" {
    input = argument.input.value
  }

  export "output" {
    value = lib.a.cc.output
  }
}
${pipeline('outer')}`,
      expect: { exports: sumIs(-10), modules: ['outer.cc', 'outer.cc/lib.a.cc'] },
    },

    // import.string importing a string: nested imports of the same kind.
    'a module importing another module given as a string': {
      main:
        importString('testImport', `import.string "inner" {\n  content = "declare \\"a\\" {\\n  export \\"output\\" {\\n    value = -10\\n  }\\n}"\n}\n${wrapperDeclare('a', 'inner.a').replace('    input = argument.input.value\n', '')}`) +
        pipeline('testImport.a'),
      expect: { exports: sumIs(-10) },
    },

    // module_eval_test.go TestUpdates_EmptyModule: an empty module does not disturb the pipeline.
    'an empty module': {
      main: `
import.string "empty" {
  content = ""
}
${COUNTER}
testcomponents.passthrough "inc_dep_1" {
  input = testcomponents.count.inc.count
  lag = "1ms"
}

testcomponents.passthrough "inc_dep_2" {
  input = testcomponents.passthrough.inc_dep_1.output
  lag = "1ms"
}

testcomponents.summation "sum" {
  input = testcomponents.passthrough.inc_dep_2.output
}
`,
      expect: { exports: sumIs(10), health: { 'import.string.empty': { state: 'healthy' } } },
    },
  };

  for (const [name, testCase] of Object.entries(cases)) it(name, () => runCase(testCase));

  // import_file_19: import.string's module_path is the importer's, so an import.file inside
  // it resolves relative to the root config's directory.
  it('an import.file inside an import.string, relative to the importer module_path', () =>
    runCase({
      main:
        importString(
          'testImport',
          `
import.file "testImport" {
  filename = file.path_join(module_path, "nested_test/module.alloy")
}
${wrapperDeclare('a', 'testImport.a')}`,
        ) + pipeline('testImport.a'),
      files: { 'nested_test/module.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
      update: { files: { 'nested_test/module.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    }));

  it('module_path inside an import.string template is the importer module_path', async () => {
    const running = await runCase({
      main: `${importString('lib', 'declare "where" {\n  export "path" {\n    value = module_path\n  }\n}\n')}\nlib.where "w" {}\n`,
      expect: {},
    });
    await running.waitFor({ exports: { 'lib.where.w': { path: running.dir } } });
  });

  // Spec §4.7: the content changes when the import is evaluated again, e.g. because what
  // feeds it changed; the instances then load the new template.
  it('content fed by a component export: a reload changing it re-templates the instances', async () => {
    const main = (declare: string) => `
testcomponents.passthrough "src" {
  input = ${JSON.stringify(declare)}
}

import.string "testImport" {
  content = testcomponents.passthrough.src.output
}
${pipeline('testImport.a')}`;
    const running = start();
    await running.load(main(passthroughDeclare()));
    await running.waitFor({ exports: sumIs(10) });
    const instance = running.node('testImport.a.cc');
    await running.load(main(negateDeclare()));
    await running.waitFor({ exports: sumIs(-10) });
    expect(running.node('testImport.a.cc')).toBe(instance);
  });

  it('a reload with new content of the string re-templates the instances', () =>
    runCase({
      main: importString('testImport', passthroughDeclare()) + pipeline('testImport.a'),
      expect: { exports: sumIs(10) },
      update: { main: importString('testImport', negateDeclare()) + pipeline('testImport.a'), expect: { exports: sumIs(-10) } },
    }));
});

describe('import.string: errors (TestImportError)', () => {
  const cases: Record<string, ModuleCase> = {
    // import_error_2: the root cannot use the declares of a module nested in its import.
    'the root using a declare of a nested import': {
      main: `
import.string "testImport" {
  content = \`import.string "nestedImport" {
    content = 'declare "cantAccessThis" {}'
  }\`
}

testImport.cantAccessThis "cc" {}
`,
      expect: {
        error:
          'Failed to build component: loading custom component controller: custom component config not found in the registry, namespace: "testImport", componentName: "cantAccessThis"',
      },
    },

    // import_error_3: a stability refusal inside an imported template propagates as is.
    'an imported template using a component below the stability level': {
      main: `
import.string "testImport" {
  content = \` declare "a" {
    testcomponents.experimental "unstable" {}
  }\`
}

testImport.a "cc" {}
`,
      expect: {
        error: 'component "testcomponents.experimental" is at stability level "experimental", which is below the minimum allowed stability level "generally-available"',
      },
    },

    // import_error_5: so does the community-component refusal.
    'an imported template using a community component without the flag': {
      main: `
import.string "testImport" {
  content = \` declare "a" {
    testcomponents.community "com" {}
  }\`
}

testImport.a "cc" {}
`,
      expect: {
        error:
          'the component "testcomponents.community" is a community component. Use the --feature.community-components.enabled command-line flag to enable community components',
      },
    },

    // import_error_1-like: the imported module cannot use the importer's declares.
    "an imported template using a declare of the importer": {
      main: `
declare "cantAccessThis" {}

import.string "testImport" {
  content = \`declare "a" {
    cantAccessThis "cc" {}
  }\`
}

testImport.a "cc" {}
`,
      expect: { error: { exact: 'cannot find the definition of component name "cantAccessThis"' } },
    },

    'a module with a component at its top level': {
      main: importString('testImport', 'testcomponents.passthrough "top" {\n  input = "x"\n}\n'),
      expect: {
        noErrors: false,
        health: {
          'import.string.testImport': {
            state: 'unhealthy',
            message: /imported content from "import[._]string" is invalid: only declare and import blocks are allowed in a module, got testcomponents\.passthrough$/,
          },
        },
      },
    },

    'a module that does not parse': {
      main: importString('testImport', 'declare "a" {'),
      expect: { noErrors: false, health: { 'import.string.testImport': { state: 'unhealthy', message: /imported content from "import[._]string" cannot be parsed: / } } },
    },

    'an import.string without content': {
      main: 'import.string "testImport" {}\n',
      expect: { error: /content/ },
    },

    // Spec §4.4: an instance of a declare the import does not have.
    'an instance of a declare the module does not have': {
      main: `${importString('testImport', passthroughDeclare())}\ntestImport.b "cc" {\n  input = 1\n}\n`,
      expect: {
        error: {
          exact:
            'Failed to build component: loading custom component controller: custom component config not found in the registry, namespace: "testImport", componentName: "b"',
        },
      },
    },
  };

  for (const [name, testCase] of Object.entries(cases)) it(name, () => runCase(testCase));

  // import.string names its content `import_string`, as upstream does.
  it('a content problem names the content "import_string", as upstream', () =>
    runCase(
      {
        main: importString('testImport', 'testcomponents.passthrough "top" {\n  input = "x"\n}\n'),
        expect: {
          noErrors: false,
          health: {
            'import.string.testImport': {
              state: 'unhealthy',
              message: /(^|: )imported content from "import_string" is invalid: only declare and import blocks are allowed in a module, got testcomponents\.passthrough$/,
            },
          },
        },
      },
      { timeoutMs: 500 },
    ));

  // As for import.file: invalid content only makes the import unhealthy.
  it('an unused module with invalid content: the config still loads and runs; only the import is unhealthy', async () => {
    const running = start();
    await running.load(`${importString('testImport', 'nope = 1')}\ntestcomponents.passthrough "p" {\n  input = "x"\n}\n`);
    await running.waitFor(
      {
        noErrors: true,
        exports: { 'testcomponents.passthrough.p': { output: 'x' } },
        health: { 'import.string.testImport': { state: 'unhealthy', message: 'only declare and import blocks are allowed in a module' } },
      },
      500,
    );
    expect(running.controller.loaded).toBe(true);
  });
});
