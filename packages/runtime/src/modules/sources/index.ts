import type { AnyImportSourceDefinition } from '../import-source.js';
import { importFile } from './import-file.js';
import { importString } from './import-string.js';

export { importFile, importString };

/** The import kinds Ingot has built in. */
export const builtinImportSources: readonly AnyImportSourceDefinition[] = [importFile, importString];
