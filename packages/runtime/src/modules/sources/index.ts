import type { AnyImportSourceDefinition } from '../import-source.js';
import { importGit } from './git/import-git.js';
import { importHttp } from './http/import-http.js';
import { importFile } from './import-file.js';
import { importString } from './import-string.js';

export { importFile, importGit, importHttp, importString };

/** The import kinds Ingot has built in. */
export const builtinImportSources: readonly AnyImportSourceDefinition[] = [importFile, importString, importHttp, importGit];
