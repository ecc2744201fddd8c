/**
 * One git operation at a time per clone directory. A pull from `watch` and a `fetch` may
 * overlap, and so may the sources of one import node across an arguments change (the old
 * one is still stopping when the new one clones): two git processes in one repository
 * fail on `index.lock`, and a read during a checkout sees half of each revision.
 */

/** The tail of each directory's queue; it never rejects. */
const queues = new Map<string, Promise<void>>();

/** Runs `task` once every earlier task for `key` has settled; settles as `task` does. */
export function exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  // Forget an idle directory, so the map does not grow with every import ever seen.
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
