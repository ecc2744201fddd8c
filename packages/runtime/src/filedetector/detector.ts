import type { Logger } from '../component/options.js';
import { fsnotifyDetector } from './fsnotify-detector.js';
import { pollDetector } from './poll-detector.js';

/** How a file is watched: file-system events plus a periodic check, or the periodic check alone. */
export type DetectorName = 'fsnotify' | 'poll';

/**
 * Something that notices the file may have changed (upstream internal/filedetector), for
 * `local.file` and `import.file`. It only signals; its owner decides what to read. Every detector owns live handles
 * (timers, watchers), so it exists only while the component runs and is closed when `run`
 * ends or the arguments change.
 */
export interface Detector {
  /** Releases every handle; nothing fires afterwards. Idempotent. */
  close(): void;
}

export interface DetectorOptions {
  readonly filename: string;
  /** Milliseconds between the periodic triggers both detectors fire. */
  readonly pollFrequency: number;
  readonly logger: Logger;
  /** Called whenever the file should be re-read; must not block. */
  readonly onChange: () => void;
}

export function startDetector(name: DetectorName, options: DetectorOptions): Detector {
  return name === 'poll' ? pollDetector(options) : fsnotifyDetector(options);
}
