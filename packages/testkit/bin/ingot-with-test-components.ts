/**
 * `ingot` with the test components registered beside the builtin ones, for tests that run
 * it as a real child process: `node --import tsx --conditions=@ingot/source <this file> run …`.
 */
import { builtinComponents, main, processIo } from '@ingot/cli';
import { testComponents } from '@ingot/runtime/testing';

process.exitCode = await main(process.argv.slice(2), processIo(), { components: [...builtinComponents, ...testComponents] });
