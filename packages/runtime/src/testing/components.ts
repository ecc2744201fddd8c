/**
 * Components for tests, as upstream's `testcomponents`: small, observable, and built on the
 * same contract as real ones, so tests exercise the runtime rather than a mock of it.
 */
import { appendFileSync } from 'node:fs';
import { attr, block, t, type Capsule } from '@ingot/syntax';
import { defineComponent, type AnyRegistration } from '../component/registration.js';
import { StableReceiver, type Sink } from '../component/stable-receiver.js';
import { sleep, untilAborted } from '../timers.js';

/** `input` → `output`, optionally after `lag`. */
export const passthrough = defineComponent({
  name: 'testcomponents.passthrough',
  stability: 'generally-available',
  arguments: block({ fields: { input: attr(t.string), lag: attr(t.duration, { default: 0 }) } }),
  exports: block({ fields: { output: attr(t.string) } }),
  async build(options, args) {
    options.onExports({ output: args.input });
    return {
      run: (signal) => untilAborted(signal),
      async update(next) {
        if (next.lag > 0) await new Promise((resolve) => setTimeout(resolve, next.lag));
        options.onExports({ output: next.input });
      },
    };
  },
});

/** Adds every `input` it is given to `sum`. */
export const summation = defineComponent({
  name: 'testcomponents.summation',
  stability: 'generally-available',
  arguments: block({ fields: { input: attr(t.int) } }),
  exports: block({ fields: { sum: attr(t.int), last_added: attr(t.int) } }),
  async build(options, args) {
    let sum = args.input;
    options.onExports({ sum, last_added: args.input });
    return {
      run: (signal) => untilAborted(signal),
      async update(next) {
        sum += next.input;
        options.onExports({ sum, last_added: next.input });
      },
    };
  },
});

/** Counts up every `frequency` until `max` (0: forever). */
export const count = defineComponent({
  name: 'testcomponents.count',
  stability: 'generally-available',
  arguments: block({ fields: { frequency: attr(t.duration), max: attr(t.int, { default: 0 }) } }),
  exports: block({ fields: { count: attr(t.int) } }),
  async build(options, initial) {
    let args = initial;
    let value = 0;
    options.onExports({ count: value });
    return {
      async run(signal) {
        while (!signal.aborted && (args.max === 0 || value < args.max)) {
          await sleep(args.frequency, signal);
          if (signal.aborted) break;
          value++;
          options.onExports({ count: value });
        }
        await untilAborted(signal);
      },
      async update(next) {
        args = next;
      },
    };
  },
});

/**
 * Appends `start <id>` to `file` each time it starts running and `stop <id>` when it stops,
 * so that a test in another process can count restarts. `fail = true` refuses to build.
 */
export const lifecycle = defineComponent({
  name: 'testcomponents.lifecycle',
  stability: 'generally-available',
  arguments: block({
    fields: { file: attr(t.string), value: attr(t.string, { default: '' }), fail: attr(t.bool, { default: false }) },
  }),
  exports: block({ fields: { output: attr(t.string) } }),
  async build(options, args) {
    if (args.fail) throw new Error('asked to fail');
    options.onExports({ output: args.value });
    return {
      async run(signal) {
        appendFileSync(args.file, `start ${options.id}\n`);
        await untilAborted(signal);
        appendFileSync(args.file, `stop ${options.id}\n`);
      },
      async update(next) {
        if (next.fail) throw new Error('asked to fail');
        options.onExports({ output: next.value });
      },
    };
  },
});

/** The receiver capsule test producers send numbers to. */
export type NumberReceiver = StableReceiver<number>;

const isNumberReceiver = (capsule: Capsule): capsule is NumberReceiver =>
  capsule instanceof StableReceiver && capsule.typeName === 'testcomponents.NumberReceiver';

/**
 * Exports a stable `receiver` and appends every number it accepts to `file` (one per line)
 * when `file` is set. An update swaps the sink behind the receiver: nothing in flight is
 * lost, nothing is written twice.
 */
export const sink = defineComponent({
  name: 'testcomponents.sink',
  stability: 'generally-available',
  arguments: block({ fields: { file: attr(t.string, { default: '' }), tag: attr(t.string, { default: '' }) } }),
  exports: block({ fields: { receiver: attr(t.capsule('testcomponents.NumberReceiver', isNumberReceiver)) } }),
  receivers: ['receiver'],
  async build(options, args) {
    const receiver = new StableReceiver<number>('testcomponents.NumberReceiver', fileSink(args.file));
    options.onExports({ receiver });
    return {
      run: (signal) => untilAborted(signal),
      async update(next) {
        await receiver.swap(fileSink(next.file));
      },
    };
  },
});

/** Writes each number on a line of `file`; with no file, accepts and forgets. */
function fileSink(file: string): Sink<number> {
  return {
    async append(item) {
      if (file !== '') appendFileSync(file, `${item}\n`);
    },
  };
}

/**
 * Sends 1, 2, 3… to every receiver in `forward_to`, one at a time, waiting for each to be
 * accepted (backpressure), until it has sent `max` numbers or is stopped.
 */
export const producer = defineComponent({
  name: 'testcomponents.producer',
  stability: 'generally-available',
  arguments: block({
    fields: {
      forward_to: attr(t.array(t.capsule('testcomponents.NumberReceiver', isNumberReceiver))),
      max: attr(t.int, { default: 0 }),
      interval: attr(t.duration, { default: 0 }),
    },
  }),
  exports: undefined,
  async build(_options, initial) {
    let args = initial;
    let next = 1;
    return {
      async run(signal) {
        while (!signal.aborted && (args.max === 0 || next <= args.max)) {
          const item = next++;
          await Promise.all(args.forward_to.map((receiver) => receiver?.append(item)));
          await (args.interval > 0 ? sleep(args.interval, signal) : new Promise((resolve) => setImmediate(resolve)));
        }
        await untilAborted(signal);
      },
      async update(nextArgs) {
        args = nextArgs;
      },
    };
  },
});

/** Every test component. */
export const testComponents: readonly AnyRegistration[] = [passthrough, summation, count, lifecycle, sink, producer];
