import { getSystemErrorMap } from 'node:util';

/**
 * The text of a failed filesystem call as Go's `os.PathError` prints it, since upstream's
 * messages embed that text: Node says `ENOENT: no such file or directory, open '/x'`, Go
 * says `open /x: no such file or directory`. Some calls (reading a directory) leave the
 * path out of Node's error, hence `path`. Anything that is not a system error keeps its
 * own message.
 */
export function osErrorMessage(error: unknown, path: string): string {
  if (!(error instanceof Error)) return String(error);
  const { errno, syscall } = error as NodeJS.ErrnoException;
  const description = errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1];
  if (description === undefined || syscall === undefined) return error.message;
  return `${syscall} ${(error as NodeJS.ErrnoException).path ?? path}: ${description}`;
}
