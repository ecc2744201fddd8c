/**
 * `import.file` of a directory: its top-level `*.alloy` files form one module. Upstream's
 * testdata/import_file_folder/*.txtar (import_test.go TestImportFileFolder) and spec §4.7.
 */
import { describe, it } from 'vitest';
import { useModuleHarness, type ModuleCase } from './harness.js';
import { COUNTER, importFileBlock, negateDeclare, passthroughDeclare, pipeline, sumIs, wrapperDeclare } from './fixtures.js';

const { runCase } = useModuleHarness();

describe('import.file: a folder', () => {
  const cases: Record<string, ModuleCase> = {
    // import_file_folder_1-like: the declares of several files.
    'declares from several files of the folder': {
      main: `
${importFileBlock('testImport', 'tmpTest')}
${COUNTER}
testImport.a "aa" {
  input = testcomponents.count.inc.count
}

testImport.b "bb" {
  input = testImport.a.aa.output
}

testcomponents.summation "sum" {
  input = testImport.b.bb.output
}
`,
      files: {
        'tmpTest/module1.alloy': passthroughDeclare('a'),
        'tmpTest/module2.alloy': passthroughDeclare('b'),
        'tmpTest/ignored.txt': 'not alloy {',
        'tmpTest/sub/ignored.alloy': 'not a module {',
      },
      expect: { exports: sumIs(10), modules: ['testImport.a.aa', 'testImport.b.bb'] },
    },

    // import_file_folder_4: on update, a file is removed and another added.
    'a file removed and another added (fsnotify)': {
      main: importFileBlock('testImport', 'tmpTest') + pipeline('testImport.a'),
      files: { 'tmpTest/removed.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
      update: { files: { 'tmpTest/removed.alloy': null, 'tmpTest/added.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    },

    // import_file_folder_5: the same through the poll detector.
    'a file removed and another added (poll detector)': {
      main: importFileBlock('testImport', 'tmpTest', 'detector = "poll"\n  poll_frequency = "50ms"') + pipeline('testImport.a'),
      files: { 'tmpTest/removed.alloy': passthroughDeclare() },
      expect: { exports: sumIs(10) },
      update: { files: { 'tmpTest/removed.alloy': null, 'tmpTest/added.alloy': negateDeclare() }, expect: { exports: sumIs(-10) } },
    },

    // import_file_folder_6: instances of two files' declares connected; one file rewritten.
    'instances of two files connected; one file rewritten': {
      main: `
${importFileBlock('testImport', 'tmpTest')}
${COUNTER}
testImport.a "aa" {
  input = testcomponents.count.inc.count
}

testImport.b "bb" {
  input = testImport.a.aa.output
}

testcomponents.summation "sum" {
  input = testImport.b.bb.output
}
`,
      files: {
        'tmpTest/module1.alloy': 'declare "a" {\n  argument "input" {}\n\n  export "output" {\n    value = argument.input.value\n  }\n}\n',
        'tmpTest/module2.alloy': passthroughDeclare('b'),
      },
      expect: { exports: sumIs(10) },
      update: { files: { 'tmpTest/module2.alloy': negateDeclare('b') }, expect: { exports: sumIs(-10) } },
    },

    // import_file_folder_7: a folder module importing a subfolder relative to module_path
    // (the folder itself); a file of the subfolder rewritten.
    'a nested folder import relative to the folder; a nested file rewritten': {
      main: importFileBlock('testImport', 'tmpTest') + pipeline('testImport.a'),
      files: {
        'tmpTest/module1.alloy': importFileBlock('testImport', 'utils') + wrapperDeclare('a', 'testImport.b'),
        'tmpTest/utils/module2.alloy': passthroughDeclare('b'),
      },
      expect: { exports: sumIs(10), modules: ['testImport.a.cc', 'testImport.a.cc/testImport.b.cc'] },
      update: { files: { 'tmpTest/utils/module2.alloy': negateDeclare('b') }, expect: { exports: sumIs(-10) } },
    },

    'an empty folder is an empty module': {
      main: `${importFileBlock('testImport', 'tmpTest')}\n${COUNTER}`,
      files: { 'tmpTest/readme.txt': 'nothing here' },
      expect: { noErrors: true, health: { 'import.file.testImport': { state: 'healthy' } } },
    },

    // Spec §4.6: a problem names the file of the folder that has it.
    'a file of the folder with a component at its top level': {
      main: importFileBlock('testImport', 'tmpTest') + pipeline('testImport.a'),
      files: {
        'tmpTest/a.alloy': passthroughDeclare(),
        'tmpTest/b.alloy': 'testcomponents.passthrough "top" {\n  input = "x"\n}\n',
      },
      expect: {
        noErrors: false,
        health: {
          'import.file.testImport': {
            state: 'unhealthy',
            message: /imported content from "(.*\/)?b\.alloy" is invalid: only declare and import blocks are allowed in a module, got testcomponents\.passthrough$/,
          },
        },
      },
    },

    // Duplicated declare labels across the folder's files: logged, the first (by file name) wins.
    'the same declare in two files of the folder: the first file wins': {
      main: importFileBlock('testImport', 'tmpTest') + pipeline('testImport.a'),
      files: { 'tmpTest/1.alloy': passthroughDeclare(), 'tmpTest/2.alloy': negateDeclare() },
      expect: { exports: sumIs(10) },
    },
  };

  for (const [name, testCase] of Object.entries(cases)) it(name, () => runCase(testCase));

  // A folder's content is keyed by file name, as upstream's (`imported content from "b.alloy"`).
  it('a problem in a file of the folder is reported under the file name, as upstream', () =>
    runCase(
      {
        main: importFileBlock('testImport', 'tmpTest'),
        files: { 'tmpTest/b.alloy': 'testcomponents.passthrough "top" {\n  input = "x"\n}\n' },
        expect: {
          noErrors: false,
          health: {
            'import.file.testImport': {
              state: 'unhealthy',
              message: /(^|: )imported content from "b\.alloy" is invalid: only declare and import blocks are allowed in a module, got testcomponents\.passthrough$/,
            },
          },
        },
      },
      { timeoutMs: 500 },
    ));
});
