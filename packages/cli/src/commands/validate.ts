/**
 * `ingot validate`: everything `run` would find wrong with a config, without running it
 * (spec §5.4): syntax, the graph (names, IDs, references, cycles) and every component's
 * arguments against its schema. Valid: no output, exit 0. Invalid: every diagnostic in
 * context on standard error, then `Error: validation failed`, exit 1.
 */
import { builtinImportSources, DefaultRegistry, LoggingBlock, parseConfig, readConfig, validateConfig, type AnyRegistration } from '@ingot/runtime';
import { renderDiagnostics, shouldUseColor, type StabilityLevel } from '@ingot/syntax';
import type { Io } from '../io.js';
import { inertServices } from '../run/services.js';

export interface ValidateOptions {
  readonly path: string;
  readonly stabilityLevel: StabilityLevel;
  readonly communityComponents: boolean;
  readonly color: boolean;
}

export async function validate(options: ValidateOptions, components: readonly AnyRegistration[], io: Io): Promise<number> {
  const read = await readConfig(options.path);
  if (!read.ok) {
    io.stderr.write(`Error: ${read.message}\n`);
    return 1;
  }
  const parsed = parseConfig(read.sources);
  const validation = parsed.ok
    ? await validateConfig(parsed.files, {
        registry: new DefaultRegistry(components),
        lookup: { minStability: options.stabilityLevel, communityComponents: options.communityComponents },
        services: inertServices(),
        modulePath: read.modulePath,
        logging: { schema: LoggingBlock },
        importSources: builtinImportSources,
      })
    : { diagnostics: parsed.diagnostics, sources: new Map<string, string>() };
  const { diagnostics } = validation;
  const sources = new Map([...read.sources, ...validation.sources]);
  if (diagnostics.length === 0) return 0;

  const color = shouldUseColor({ isTTY: io.stderr.isTTY, env: io.env, noColorFlag: !options.color });
  io.stderr.write(renderDiagnostics(diagnostics, sources, { color }));
  io.stdout.write('\n');
  io.stderr.write('Error: validation failed\n');
  return 1;
}

