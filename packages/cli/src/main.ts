/**
 * The `ingot` command line. Builds the commander program, dispatches to a command and
 * returns its exit code; never calls `process.exit`, so it runs inside tests as it runs in
 * `bin/ingot.js`.
 */
import { readFileSync } from 'node:fs';
import { quote } from '@ingot/syntax';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { demo } from './commands/demo.js';
import { evalCommand, OUTPUT_FORMATS, type OutputFormat } from './commands/eval.js';
import { fmt } from './commands/fmt.js';
import { processIo, type Io } from './io.js';
import { parseStabilityLevel, STABILITY_LEVELS, type StabilityLevel } from './stability.js';

/** The version in packages/cli/package.json (one level up from both `src/` and `dist/`). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

interface GlobalOptions {
  /** False when `--no-color` was given. */
  readonly color: boolean;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;

  const program = new Command('ingot')
    .description('A TypeScript runtime for Grafana Alloy configuration files.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .helpCommand('help [command]', 'print help for a command')
    .option('--no-color', 'never colour the output (as does NO_COLOR)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('fmt')
    .alias('format')
    .summary('format a configuration file')
    .description(
      'Apply the standard formatting rules to a configuration file.\n\n' +
        'Reads standard input when the path is absent or "-". Prints the result unless -w ' +
        'is given, which rewrites the file in place. A file with syntax errors is left ' +
        'untouched and the errors are reported on standard error.',
    )
    .argument('[path]', 'the file to format, or "-" for standard input')
    .option('-w, --write', 'write the result to the file instead of standard output')
    .option('-t, --test', 'exit 1 when the file is not formatted; cannot be used with -w/--write')
    .action(async (path: string | undefined, opts: { write?: boolean; test?: boolean }, cmd: Command) => {
      const { color } = cmd.optsWithGlobals<GlobalOptions>();
      exitCode = await fmt({ path, write: opts.write, test: opts.test, color }, io);
    });

  program
    .command('eval')
    .summary('evaluate an expression and print its value')
    .description(
      'Evaluate an expression with the standard library in scope and print its value, in ' +
        'Alloy syntax or as alloyjson (the JSON form of Alloy\'s web API). Errors are ' +
        'reported with their position in the expression. Put -- before an expression that ' +
        'starts with a minus sign: ingot eval -- "-x + 1".',
    )
    .argument('<expression>', 'the expression, e.g. \'string.format("%s:%d", "host", 80)\'')
    .addOption(new Option('--format <format>', 'how to print the value').choices(OUTPUT_FORMATS).default('alloy'))
    .addOption(
      new Option('--stability.level <level>', `the least stable features allowed: ${STABILITY_LEVELS.join(', ')}`)
        .argParser(stabilityLevelArgument)
        .default('generally-available'),
    )
    .action((expression: string, opts: { format: OutputFormat; 'stability.level': StabilityLevel }, cmd: Command) => {
      const { color } = cmd.optsWithGlobals<GlobalOptions>();
      exitCode = evalCommand(
        { expression, format: opts.format, stabilityLevel: opts['stability.level'], color },
        io,
      );
    });

  program
    .command('demo')
    .summary('show what Ingot can do so far')
    .description('Format an embedded sample configuration and show the diagnostics of a broken one.')
    .action((_opts: unknown, cmd: Command) => {
      const { color } = cmd.optsWithGlobals<GlobalOptions>();
      exitCode = demo({ color }, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    // Help, version and usage errors: commander has already written its output.
    if (err instanceof CommanderError) return err.exitCode;
    io.stderr.write(`Error: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
  return exitCode;
}

/** As upstream's flag: `invalid stability level "beta"`. */
function stabilityLevelArgument(text: string): StabilityLevel {
  const level = parseStabilityLevel(text);
  if (level === undefined) throw new InvalidArgumentError(`invalid stability level ${quote(text)}`);
  return level;
}
