/**
 * Config fragments the module scenarios share, in the roles of upstream's txtar files:
 * a counter feeding an instance, a summation reading it, and the two versions of the
 * module `a` a case switches between (pass the input through, then negate it).
 */

/** Counts 1…10 quickly; every pipeline starts with it. */
export const COUNTER = `
testcomponents.count "inc" {
  frequency = "5ms"
  max = 10
}
`;

/** `declare "<name>"`: its `input` through a passthrough component to its `output`. */
export const passthroughDeclare = (name = 'a'): string => `
declare "${name}" {
  argument "input" {}

  testcomponents.passthrough "pt" {
    input = argument.input.value
    lag = "1ms"
  }

  export "output" {
    value = testcomponents.passthrough.pt.output
  }
}
`;

/** `declare "<name>"`: its `input`, negated, as its `output`. */
export const negateDeclare = (name = 'a'): string => `
declare "${name}" {
  argument "input" {}

  export "output" {
    value = -argument.input.value
  }
}
`;

/** `declare "<name>"` instantiating `<used> "cc"` (a declare or an imported one) on its input. */
export const wrapperDeclare = (name: string, used: string): string => `
declare "${name}" {
  argument "input" {}

  ${used} "cc" {
    input = argument.input.value
  }

  export "output" {
    value = ${used}.cc.output
  }
}
`;

/** `import.<kind> "<label>"` of a path under `module_path`, with extra attributes. */
export const importFileBlock = (label: string, path: string, extra = ''): string => `
import.file "${label}" {
  filename = file.path_join(module_path, "${path}")
  ${extra}
}
`;

/**
 * The root pipeline of upstream's import cases: the counter into `<instance> "cc"`, whose
 * output the summation `sum` adds.
 */
export const pipeline = (instance: string): string => `
${COUNTER}
${instance} "cc" {
  input = testcomponents.count.inc.count
}

testcomponents.summation "sum" {
  input = ${instance}.cc.output
}
`;

/** The summation's last added value is `n` (upstream checks 10, then -10 after an update). */
export const sumIs = (n: number) => ({ 'testcomponents.summation.sum': { last_added: n } });
