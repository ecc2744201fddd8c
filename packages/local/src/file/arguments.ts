/**
 * What `local.file` accepts and exports (upstream internal/component/local/file/file.go,
 * spec §10).
 */
import type { DetectorName } from '@ingot/runtime';
import { attr, block, quote, t, type Decoded } from '@ingot/syntax';

/** How changes to the file are noticed; `""` means the default, as upstream decodes it. */
export const DETECTORS: readonly DetectorName[] = ['fsnotify', 'poll'];

export const Arguments = block({
  fields: {
    filename: attr(t.string, { doc: 'Path of the file on the local filesystem to watch.' }),
    detector: attr(t.string, { default: 'fsnotify', doc: 'Which file change detector to use (fsnotify, poll).' }),
    poll_frequency: attr(t.duration, { default: 60_000, doc: 'How often to poll for file changes.' }),
    is_secret: attr(t.bool, { default: false, doc: 'Marks the file as containing a secret.' }),
  },
  // Upstream rejects the name while decoding the text into its `Detector` type, so the error
  // is a decode error on the block, not a construction error.
  validate: ({ detector }) =>
    detector === '' || (DETECTORS as readonly string[]).includes(detector)
      ? undefined
      : `unrecognized detector ${quote(detector)}, expected fsnotify or poll`,
});

export const Exports = block({
  fields: {
    content: attr(t.optionalSecret, { doc: 'The contents of the file.' }),
  },
});

export type LocalFileArguments = Decoded<typeof Arguments>;
export type LocalFileExports = Decoded<typeof Exports>;

/** The detector `args` ask for, with `""` resolved to the default. */
export function detectorOf(args: LocalFileArguments): DetectorName {
  return args.detector === 'poll' ? 'poll' : 'fsnotify';
}
