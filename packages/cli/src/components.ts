import { localFile } from '@ingot/local';
import type { AnyRegistration } from '@ingot/runtime';

/** Every component `ingot run` and `ingot validate` know. */
export const builtinComponents: readonly AnyRegistration[] = [localFile];
