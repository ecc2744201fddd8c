/**
 * `declare` / `argument` / `export` and local custom components: upstream's
 * internal/runtime/declare_test.go (TestDeclare, TestDeclareModulePath, TestDeclareError,
 * TestDeclareUpdateConfig), import_error_4 and _6 (nested declares), and spec §4.1–4.5.
 */
import { describe, it } from 'vitest';
import { useModuleHarness, type ModuleCase } from './harness.js';

const { runCase } = useModuleHarness();

/** Counts 1…10; upstream's pipelines all start with it. */
const COUNTER = `
testcomponents.count "inc" {
  frequency = "5ms"
  max = 10
}
`;

/** A template passing `input` through a passthrough component to its `output` export. */
const PASSTHROUGH_BODY = `
  argument "input" {
    optional = false
  }

  testcomponents.passthrough "pt" {
    input = argument.input.value
    lag = "1ms"
  }

  export "output" {
    value = testcomponents.passthrough.pt.output
  }
`;

const SUM_IS = (n: number) => ({ exports: { 'testcomponents.summation.sum': { last_added: n } } });

describe('declare: instances (TestDeclare)', () => {
  const cases: Record<string, ModuleCase> = {
    // declare_test.go BasicDeclare
    'a declare with an argument and an export': {
      main: `
declare "test" {${PASSTHROUGH_BODY}}
${COUNTER}
test "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
      expect: { ...SUM_IS(10), modules: ['test.myModule'] },
    },

    // declare_test.go NestedDeclares
    'a nested declare instantiated by its enclosing template': {
      main: `
declare "test" {
  argument "input" {
    optional = false
  }

  declare "nested" {
    argument "input" {
      optional = false
    }
    export "output" {
      value = argument.input.value
    }
  }

  testcomponents.passthrough "pt" {
    input = argument.input.value
    lag = "1ms"
  }

  nested "default" {
    input = testcomponents.passthrough.pt.output
  }

  export "output" {
    value = nested.default.output
  }
}
${COUNTER}
test "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
      expect: { ...SUM_IS(10), modules: ['test.myModule', 'test.myModule/nested.default'] },
    },

    // declare_test.go DeclaredInParentDepth1: a template sees the declares around it, even
    // one written after it.
    'a template instantiating a declare of the enclosing scope': {
      main: `
declare "test" {
  argument "input" {
    optional = false
  }

  testcomponents.passthrough "pt" {
    input = argument.input.value
    lag = "1ms"
  }

  rootDeclare "default" {
    input = testcomponents.passthrough.pt.output
  }

  export "output" {
    value = rootDeclare.default.output
  }
}

declare "rootDeclare" {
  argument "input" {
    optional = false
  }
  export "output" {
    value = argument.input.value
  }
}
${COUNTER}
test "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
      expect: SUM_IS(10),
    },

    // declare_test.go DeclaredInParentDepth2: two levels of lexical scope.
    'a nested template instantiating a root declare': {
      main: `
declare "test" {
  argument "input" {
    optional = false
  }

  testcomponents.passthrough "pt" {
    input = argument.input.value
    lag = "1ms"
  }

  declare "anotherDeclare" {
    argument "input" {
      optional = false
    }
    rootDeclare "default" {
      input = argument.input.value
    }
    export "output" {
      value = rootDeclare.default.output
    }
  }

  anotherDeclare "myOtherDeclare" {
    input = testcomponents.passthrough.pt.output
  }

  export "output" {
    value = anotherDeclare.myOtherDeclare.output
  }
}

declare "rootDeclare" {
  argument "input" {
    optional = false
  }
  export "output" {
    value = argument.input.value
  }
}
${COUNTER}
test "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
      expect: {
        ...SUM_IS(10),
        modules: ['test.myModule', 'test.myModule/anotherDeclare.myOtherDeclare', 'test.myModule/anotherDeclare.myOtherDeclare/rootDeclare.default'],
      },
    },

    // declare_test.go ShadowNamespace: a declare may be named like a component namespace.
    'a declare named like a namespace of builtins elsewhere (prometheus)': {
      main: `
declare "prometheus" {${PASSTHROUGH_BODY}}
${COUNTER}
prometheus "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = prometheus.myModule.output
}
`,
      expect: SUM_IS(10),
    },

    // declare_test.go ShadowDeclare: a nested declare hides an outer one of the same name.
    'a nested declare shadowing an outer one': {
      main: `
declare "a" {
  argument "input" {
    optional = false
  }
  export "output" {
    value = argument.input.value
  }
}

declare "test" {
  // redeclares "a"
  declare "a" {
    export "output" {
      value = -10
    }
  }

  a "default" {}

  export "output" {
    value = a.default.output
  }
}

test "myModule" {}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
      expect: SUM_IS(-10),
    },

    // declare_test.go ShadowStdlib: a declare named like a stdlib namespace.
    'a declare named like a stdlib namespace (constants)': {
      main: `
declare "constants" {${PASSTHROUGH_BODY}}
${COUNTER}
constants "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = constants.myModule.output
}
`,
      expect: SUM_IS(10),
    },

    // Two instances of one template: same inner names, different module IDs
    // (module_eval_test.go TestUpdates_TwoModules_SameCompNames, on declares).
    'two instances of one template, with the same inner component names': {
      main: `
declare "counter" {
  testcomponents.count "inc" {
    frequency = "1ms"
    max = 20
  }

  testcomponents.passthrough "pt" {
    input = testcomponents.count.inc.count
    lag = "1ms"
  }

  export "output" {
    value = testcomponents.passthrough.pt.output
  }
}

counter "one" {}
counter "two" {}

testcomponents.summation "sum_1" {
  input = counter.one.output
}

testcomponents.summation "sum_2" {
  input = counter.two.output
}
`,
      expect: {
        exports: {
          'testcomponents.summation.sum_1': { last_added: 20 },
          'testcomponents.summation.sum_2': { last_added: 20 },
          'counter.one/testcomponents.count.inc': { count: 20 },
          'counter.two/testcomponents.count.inc': { count: 20 },
        },
        modules: ['counter.one', 'counter.two'],
      },
    },
  };

  for (const [name, testCase] of Object.entries(cases)) it(name, () => runCase(testCase));

  // declare_test.go CommunityComponent: with the community flag, a template may use one.
  it('a template using a community component when they are enabled', () =>
    runCase(
      {
        main: `
declare "com" {
  argument "input" {
    optional = false
  }

  testcomponents.community "default" {}

  testcomponents.passthrough "pt" {
    input = argument.input.value
    lag = "1ms"
  }

  export "output" {
    value = testcomponents.passthrough.pt.output
  }
}
${COUNTER}
com "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = com.myModule.output
}
`,
        expect: SUM_IS(10),
      },
      { communityComponents: true },
    ));

  // declare_test.go TestDeclareModulePath: inside a local declare, `module_path` is that of
  // the config declaring it (upstream's test has none, so it expects "").
  it('module_path inside a local template is the root config directory', async () => {
    const running = await runCase({
      main: `
declare "mod" {
  export "output" {
    value = module_path
  }
}

mod "myModule" {}

testcomponents.passthrough "pass" {
  input = mod.myModule.output
}
`,
      expect: {},
    });
    await running.waitFor({ exports: { 'testcomponents.passthrough.pass': { output: running.dir } } });
  });
});

describe('declare: arguments (spec §4.2)', () => {
  const exportOf = (argument: string, instance: string): string => `
declare "m" {
  ${argument}

  export "out" {
    value = argument.x.value
  }
}

m "i" {
  ${instance}
}
`;

  it('an optional argument not given takes its default', () =>
    runCase({ main: exportOf('argument "x" {\n    optional = true\n    default = 5\n  }', ''), expect: { exports: { 'm.i': { out: 5 } } } }));

  it('an optional argument given overrides its default', () =>
    runCase({ main: exportOf('argument "x" {\n    optional = true\n    default = 5\n  }', 'x = "given"'), expect: { exports: { 'm.i': { out: 'given' } } } }));

  it('an optional argument without a default is null', () =>
    runCase({ main: exportOf('argument "x" {\n    optional = true\n  }', ''), expect: { exports: { 'm.i': { out: null } } } }));

  it('an argument may carry a comment, and any value (an object)', () =>
    runCase({
      main: exportOf('argument "x" {\n    comment = "documents x"\n  }', 'x = { a = 1, b = [true, null] }'),
      expect: { exports: { 'm.i': { out: { a: 1, b: [true, null] } } } },
    }));

  it("an argument's default may reference the template's components, and follows their exports", () =>
    runCase({
      main: exportOf('argument "x" {\n    optional = true\n    default = testcomponents.count.inc.count\n  }\n\n  testcomponents.count "inc" {\n    frequency = "5ms"\n    max = 10\n  }', ''),
      expect: { exports: { 'm.i': { out: 10 } } },
    }));

  it('a required argument not given fails the instance: missing required argument', () =>
    runCase({
      main: exportOf('argument "x" {}', ''),
      expect: { error: 'Failed to evaluate node for config block: missing required argument "x" to module' },
    }));

  it('a default without optional = true is ignored: the argument is still required', () =>
    runCase({
      main: exportOf('argument "x" {\n    default = 5\n  }', ''),
      expect: { error: { exact: 'Failed to evaluate node for config block: missing required argument "x" to module' } },
    }));

  it('an instance attribute without a matching argument block is refused', () =>
    runCase({
      main: exportOf('argument "x" {}', 'x = 1\n  y = 2'),
      expect: { error: { exact: 'Provided argument "y" is not defined in the module' } },
    }));

  it('an instance with a nested block fails to decode', () =>
    runCase({
      main: exportOf('argument "x" {\n    optional = true\n  }', 'inner {}'),
      expect: { error: /nested blocks? not (supported|allowed)/ },
    }));
});

describe('declare: where blocks may appear', () => {
  it(`'declare' is not a valid label for a declare block (ForbiddenDeclareLabel)`, () =>
    runCase({ main: 'declare "declare" {}\n', expect: { error: { exact: `'declare' is not a valid label for a declare block` } } }));

  it('logging inside a declare is refused when instantiated', () =>
    runCase({
      main: 'declare "m" {\n  logging {}\n}\n\nm "i" {}\n',
      expect: { error: { exact: 'logging block not allowed inside a module' } },
    }));

  it('tracing inside a declare is refused when instantiated', () =>
    runCase({
      main: 'declare "m" {\n  tracing {}\n}\n\nm "i" {}\n',
      expect: { error: { exact: 'tracing block not allowed inside a module' } },
    }));

  it('argument at the root is refused', () =>
    runCase({ main: 'argument "x" {}\n', expect: { error: { exact: 'argument blocks only allowed inside a module' } } }));

  it('export at the root is refused', () =>
    runCase({ main: 'export "x" {\n  value = 1\n}\n', expect: { error: { exact: 'export blocks only allowed inside a module' } } }));

  it('a duplicate declare label is refused', () =>
    runCase({ main: 'declare "a" {}\ndeclare "a" {}\n', expect: { error: /^block declare\.a already declared at main\.alloy:1:1/ } }));
});

describe('declare: errors (TestDeclareError, import_error_4/6)', () => {
  const cases: Record<string, ModuleCase> = {
    // CircleDependencyBetweenDeclares
    'instantiation cycle between declares': {
      main: `
declare "a" {
  b "t1" {}
}
declare "b" {
  a "t2" {}
}
a "t3" {}
`,
      expect: { error: /^cycle: declare\.(a|b), declare\.(a|b)$/ },
    },

    // CircleDependencyWithinDeclare: found when the instance loads its template.
    'instantiation cycle between nested declares': {
      main: `
declare "a" {
  declare "b" {
    c "t1" {}
  }
  declare "c" {
    b "t2" {}
  }
  b "t3" {}
}
a "t4" {}
`,
      expect: { error: /^cycle: declare\.(b|c), declare\.(b|c)$/ },
    },

    // CircleDependencyWithItself
    'a template instantiating itself': {
      main: `
declare "a" {
  a "t1" {}
}
a "t2" {}
`,
      expect: { error: { exact: 'self reference: declare.a' } },
    },

    // OutOfScopeReference: a template cannot reference components around it.
    'a template referencing a component outside it': {
      main: `
${COUNTER}
declare "example_a" {
  testcomponents.summation "sum" {
    input = testcomponents.count.inc.count // invalid reference
  }
}
example_a "test" {}
`,
      expect: { error: { exact: 'component "testcomponents.count.inc.count" does not exist or is out of scope' } },
    },

    // OutOfScopeDefinition: a declare nested in another template is not visible elsewhere.
    'a template instantiating a declare nested in another template': {
      main: `
declare "a" {
  b_1 "default" { } // this should error
}
declare "b" {
  declare "b_1" {}
}
a "example" {}
`,
      expect: { error: { exact: 'cannot find the definition of component name "b_1"' } },
    },

    // import_error_4: a stability refusal inside a nested template propagates as is.
    'a nested template using a component below the stability level': {
      main: `
declare "a" {
  declare "b" {
    testcomponents.experimental "unstable" {}
  }

  b "cc" {}
}

a "cc" {}
`,
      expect: {
        error: 'component "testcomponents.experimental" is at stability level "experimental", which is below the minimum allowed stability level "generally-available"',
      },
    },

    // import_error_6: so does the community-component refusal.
    'a nested template using a community component without the flag': {
      main: `
declare "a" {
  declare "b" {
    testcomponents.community "com" {}
  }

  b "cc" {}
}

a "cc" {}
`,
      expect: {
        error: {
          exact:
            'the component "testcomponents.community" is a community component. Use the --feature.community-components.enabled command-line flag to enable community components',
        },
      },
    },

    // Spec §4.4: the first segment decides, so a declare hides every builtin sharing it.
    'a declare named like a builtin namespace hides its builtins': {
      main: `
declare "testcomponents" {
  export "output" {
    value = "custom"
  }
}

testcomponents "mine" {}

testcomponents.passthrough "pt" {
  input = "builtin"
}
`,
      expect: {
        error: {
          exact:
            'Failed to build component: loading custom component controller: custom component config not found in the registry, namespace: "testcomponents", componentName: "passthrough"',
        },
        exports: { 'testcomponents.mine': { output: 'custom' } },
      },
    },
  };

  for (const [name, testCase] of Object.entries(cases)) it(name, () => runCase(testCase));

  it('an unused declare is never loaded, so errors in its body are not reported', () =>
    runCase({
      main: `
declare "unused" {
  nope.nope "x" {}
  argument "a" {}
  logging {}
}
`,
      expect: { noErrors: true, modules: [] },
    }));
});

describe('declare: reloading the root config (TestDeclareUpdateConfig)', () => {
  // declare_test.go UpdateDeclare
  it('a reload changing a template re-templates its instances', () =>
    runCase({
      main: `
declare "test" {${PASSTHROUGH_BODY}}
${COUNTER}
test "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
      expect: SUM_IS(10),
      update: {
        main: `
declare "test" {
  export "output" {
    value = -10
  }
}

test "myModule" {}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
        expect: SUM_IS(-10),
      },
    }));

  // module_eval_test.go TestUpdates_ReloadConfig, on a declare.
  it('a reload changing only an export of the template', () =>
    runCase({
      main: `
declare "test" {${PASSTHROUGH_BODY}}
${COUNTER}
test "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
      expect: SUM_IS(10),
      update: {
        main: `
declare "test" {${PASSTHROUGH_BODY.replace('value = testcomponents.passthrough.pt.output', 'value = -10')}}
${COUNTER}
test "myModule" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = test.myModule.output
}
`,
        expect: { ...SUM_IS(-10), exports: { 'testcomponents.summation.sum': { last_added: -10 }, 'test.myModule/testcomponents.passthrough.pt': { output: '10' } } },
      },
    }));
});
