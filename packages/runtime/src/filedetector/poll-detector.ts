import type { Detector, DetectorOptions } from './detector.js';
import { every } from '../timers.js';

/**
 * The `poll` detector: asks for a re-read every `pollFrequency`, unconditionally. Upstream
 * compares no stat fields, so a change that keeps size and modification time is still seen.
 */
export function pollDetector({ pollFrequency, onChange }: DetectorOptions): Detector {
  const stop = every(pollFrequency, onChange);
  return { close: stop };
}
