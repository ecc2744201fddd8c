/**
 * The `ingot` command line. Builds the commander program, dispatches to a command and
 * returns its exit code; never calls `process.exit`, so it runs inside tests as it runs in
 * `bin/ingot.js`.
 */
import { readFileSync } from 'node:fs';
import type { AnyRegistration } from '@ingot/runtime';
import { parseDuration, quote } from '@ingot/syntax';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { demo } from './commands/demo.js';
import { evalCommand, OUTPUT_FORMATS, type OutputFormat } from './commands/eval.js';
import { fmt } from './commands/fmt.js';
import { defaultNodeName, run } from './commands/run.js';
import { validate } from './commands/validate.js';
import { builtinComponents } from './components.js';
import { processIo, type Io } from './io.js';
import type { HttpServer } from './server/index.js';
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

export interface MainOptions {
  /** The components `run` and `validate` know; the builtin ones by default. */
  readonly components?: readonly AnyRegistration[];
  /** Called once `run`'s HTTP server listens. */
  readonly onListening?: (server: HttpServer) => void;
}

export async function main(argv: readonly string[], io: Io = processIo(), options: MainOptions = {}): Promise<number> {
  let exitCode = 0;
  const components = options.components ?? builtinComponents;

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

  const stabilityOption = () =>
    new Option('--stability.level <level>', `the least stable features allowed: ${STABILITY_LEVELS.join(', ')}`)
      .argParser(stabilityLevelArgument)
      .default('generally-available');
  const communityOption = () =>
    new Option('--feature.community-components.enabled [bool]', 'enable community components')
      .argParser(booleanArgument)
      .default(false);
  const configFormatOption = () =>
    new Option('--config.format <format>', 'the format of the config; only "alloy" is supported').argParser(configFormatArgument).default('alloy');

  program
    .command('run')
    .summary('run a configuration')
    .description(
      'Run the components of a configuration file, or of every *.alloy file in a directory, ' +
        'until SIGINT or SIGTERM. SIGHUP and GET/POST /-/reload re-read the configuration and ' +
        'apply the changes; a configuration that fails to load never replaces the running one.',
    )
    .argument('<path>', 'a configuration file, or a directory of *.alloy files')
    .option('--server.http.listen-addr <address>', 'address the HTTP server listens on', '127.0.0.1:12345')
    .option('--server.http.ui-path-prefix <prefix>', 'path prefix of the UI and its API', '/')
    .addOption(new Option('--server.http.enable-pprof [bool]', 'serve /debug/pprof').argParser(booleanArgument).default(true))
    .option('--storage.path <path>', 'base directory where components keep data', 'data-ingot/')
    .addOption(stabilityOption())
    .addOption(communityOption())
    .addOption(
      new Option('--feature.component-shutdown-deadline <duration>', 'how long a component may take to stop; 0 waits forever')
        .argParser(durationArgument)
        .default(600_000, '10m'),
    )
    .addOption(configFormatOption())
    .addOption(new Option('--disable-reporting [bool]', 'accepted for compatibility: Ingot reports no usage').argParser(booleanArgument).default(false))
    .addOption(
      new Option('--cluster.enabled [bool]', 'clustering (not available yet: only false is accepted)').argParser(clusterEnabledArgument).default(false),
    )
    .option('--cluster.name <name>', 'the cluster name, also a label of alloy_config_hash', '')
    .option('--cluster.node-name <name>', 'this node\'s name', defaultNodeName())
    .action(async (path: string, opts: Record<string, unknown>, cmd: Command) => {
      const { color } = cmd.optsWithGlobals<GlobalOptions>();
      exitCode = await run(
        {
          path,
          listenAddress: opts['server.http.listenAddr'] as string,
          uiPathPrefix: opts['server.http.uiPathPrefix'] as string,
          enablePprof: opts['server.http.enablePprof'] as boolean,
          storagePath: opts['storage.path'] as string,
          stabilityLevel: opts['stability.level'] as StabilityLevel,
          communityComponents: opts['feature.communityComponents.enabled'] as boolean,
          shutdownDeadlineMs: opts['feature.componentShutdownDeadline'] as number,
          clusterName: opts['cluster.name'] as string,
          nodeName: opts['cluster.nodeName'] as string,
          color,
          version: version(),
          ...(options.onListening === undefined ? {} : { onListening: options.onListening }),
        },
        components,
        io,
      );
    });

  program
    .command('validate')
    .summary('check a configuration without running it')
    .description(
      'Report every problem of a configuration file (or a directory of *.alloy files) that ' +
        'can be found without running it: syntax, unknown components, arguments, references ' +
        'and cycles. Prints nothing and exits 0 when the configuration is valid.',
    )
    .argument('<path>', 'a configuration file, or a directory of *.alloy files')
    .addOption(stabilityOption())
    .addOption(communityOption())
    .addOption(configFormatOption())
    .action(async (path: string, opts: Record<string, unknown>, cmd: Command) => {
      const { color } = cmd.optsWithGlobals<GlobalOptions>();
      exitCode = await validate(
        {
          path,
          stabilityLevel: opts['stability.level'] as StabilityLevel,
          communityComponents: opts['feature.communityComponents.enabled'] as boolean,
          color,
        },
        components,
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

/** A Go-style boolean flag: `--flag`, `--flag=true`, `--flag=false`. */
function booleanArgument(text: string | undefined): boolean {
  if (text === undefined || text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new InvalidArgumentError(`invalid boolean value ${quote(text)}`);
}

/** A Go duration such as `10m` or `1m30s`, in milliseconds; `0` waits forever. */
function durationArgument(text: string): number {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  if (parsed.nanoseconds < 0n) throw new InvalidArgumentError(`negative duration ${quote(text)}`);
  return Number(parsed.nanoseconds / 1_000_000n);
}

/** Upstream's converters (`otelcol`, `prometheus`, …) are out of scope: only `alloy`. */
function configFormatArgument(text: string): string {
  if (text !== 'alloy') throw new InvalidArgumentError(`unsupported config format ${quote(text)}: only "alloy" is supported`);
  return text;
}

function clusterEnabledArgument(text: string | undefined): boolean {
  if (booleanArgument(text)) throw new InvalidArgumentError('clustering is not available yet');
  return false;
}

/** As upstream's flag: `invalid stability level "beta"`. */
function stabilityLevelArgument(text: string): StabilityLevel {
  const level = parseStabilityLevel(text);
  if (level === undefined) throw new InvalidArgumentError(`invalid stability level ${quote(text)}`);
  return level;
}
