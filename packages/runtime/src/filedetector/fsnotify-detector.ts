import { watch, type FSWatcher } from 'node:fs';
import type { Detector, DetectorOptions } from './detector.js';
import { osErrorMessage } from '../os-error.js';
import { every } from '../timers.js';

/**
 * The `fsnotify` detector, on `fs.watch`: a re-read on every event on the file and on every
 * watcher error, and also every `pollFrequency` as a fallback (upstream's fsnotify detector).
 *
 * A watch follows the file's inode, not its path. An editor that saves by writing a new file
 * and renaming it over the old one leaves the watch on a deleted inode, and a deleted file
 * leaves no watch at all. So the watch is placed anew on every periodic tick, as upstream
 * re-adds it, and also right after a `rename` event, so an atomic save does not go unseen
 * until the next tick. A watch that cannot be placed (the file is missing) only warns: the
 * periodic trigger keeps reporting the read error and finds the file when it returns.
 */
export function fsnotifyDetector({ filename, pollFrequency, logger, onChange }: DetectorOptions): Detector {
  let watcher: FSWatcher | undefined;
  let closed = false;

  /** Replaces the current watch; returns the error text if the file cannot be watched. */
  const rewatch = (): string | undefined => {
    watcher?.close();
    watcher = undefined;
    if (closed) return undefined;
    try {
      const next = watch(filename, (event) => {
        logger.debug('got fsnotify event', { op: event });
        // An event may be delivered after its watch was replaced; only the current one
        // may re-place the watch, or two watches would race.
        if (event === 'rename' && next === watcher) rewatch();
        onChange();
      });
      // Node closes the watch after an error; the next tick places a new one.
      next.on('error', (error) => {
        logger.warn('got error from fsnotify watcher; treating as file updated event', {
          err: osErrorMessage(error, filename),
        });
        onChange();
      });
      watcher = next;
      return undefined;
    } catch (error) {
      return osErrorMessage(error, filename);
    }
  };

  const initialError = rewatch();
  if (initialError !== undefined) logger.warn('failed to watch file', { err: initialError });

  const stopTicks = every(pollFrequency, () => {
    const error = rewatch();
    if (error !== undefined) logger.warn('failed re-watch file', { err: error });
    onChange();
  });

  return {
    close() {
      closed = true;
      stopTicks();
      watcher?.close();
      watcher = undefined;
    },
  };
}
