/**
 * @ingot/local: `local.*` components, values from the local machine.
 */
export { localFile } from './file/local-file.js';
export type { LocalFileArguments, LocalFileExports } from './file/arguments.js';
