import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attr, block, quote, t } from '@ingot/syntax';
import { startDetector, type DetectorName } from '../../filedetector/detector.js';
import { sleep, untilAborted } from '../../timers.js';
import { osErrorMessage } from '../../os-error.js';
import type { ImportSourceDefinition, ModuleContent } from '../import-source.js';

const Arguments = block({
  fields: {
    filename: attr(t.string, { doc: 'A module file, or a directory whose top-level *.alloy files form one module.' }),
    detector: attr(t.string, { default: 'fsnotify', doc: 'How changes are noticed (fsnotify, poll).' }),
    poll_frequency: attr(t.duration, { default: 60_000, doc: 'How often to check the file for changes.' }),
  },
  validate: (args) =>
    args.detector === '' || args.detector === 'fsnotify' || args.detector === 'poll'
      ? args.poll_frequency > 0
        ? undefined
        : 'poll_frequency must be greater than 0'
      : `unrecognized detector ${quote(args.detector)}, expected fsnotify or poll`,
});

/** Upstream waits this long after a change before reading, so a save in progress settles. */
const SETTLE_MS = 30;

/**
 * `import.file` (spec §4.7): a file, or a directory whose top-level `*.alloy` files form one
 * module, watched with the same detectors as `local.file`. A read failure fails the
 * evaluation (`failed to read file: …`); later failures keep the last module.
 */
export const importFile: ImportSourceDefinition<typeof Arguments> = {
  kind: 'file',
  arguments: Arguments,
  create(args, context) {
    const { filename } = args;
    const detector: DetectorName = args.detector === 'poll' ? 'poll' : 'fsnotify';
    let directory = false;
    try {
      directory = statSync(filename).isDirectory();
    } catch {
      // Missing: fetch reports it.
    }
    return {
      fetch: async () => readModule(filename),
      modulePath: directory ? filename : dirname(filename),
      async watch(signal, onChange) {
        let pending = false;
        const watcher = startDetector(detector, {
          filename,
          pollFrequency: args.poll_frequency,
          logger: context.logger,
          onChange: () => {
            if (pending) return;
            pending = true;
            void sleep(SETTLE_MS, signal).then(() => {
              pending = false;
              if (!signal.aborted) onChange();
            });
          },
        });
        await untilAborted(signal);
        watcher.close();
      },
    };
  },
};

function readModule(path: string): ModuleContent {
  try {
    if (!statSync(path).isDirectory()) return new Map([[path, readFileSync(path, 'utf8')]]);
    // Keyed by file name, as upstream: that is what diagnostics and health messages show.
    const names = readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.alloy'))
      .map((entry) => entry.name)
      .sort();
    return new Map(names.map((name) => [name, readFileSync(join(path, name), 'utf8')]));
  } catch (error) {
    throw new Error(`failed to read file: ${osErrorMessage(error, path)}`);
  }
}
