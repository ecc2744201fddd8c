import { decodeBody, formatDiagnostic, parseFile, type Block } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { LoggingBlock, loggingBlockHandler, loggingOptions, type LoggingArguments } from './logging-block.js';
import { LogSystem } from './log-system.js';

/** Decodes the `logging` block of `source` as the root controller does. */
function decodeLogging(source: string) {
  const parsed = parseFile(source, { filename: 'config.alloy' });
  expect(parsed.diagnostics).toEqual([]);
  const block = parsed.file.body.find((statement): statement is Block => statement.kind === 'Block');
  if (block === undefined) throw new Error('no logging block in the source');
  return decodeBody(block.body, LoggingBlock, undefined, { filename: 'config.alloy', enclosing: block });
}

function decoded(source: string): LoggingArguments {
  const result = decodeLogging(source);
  if (!result.ok) expect.fail(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.value;
}

function errors(source: string): string[] {
  const result = decodeLogging(source);
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

describe('the logging block', () => {
  it('defaults to level info, logfmt, stderr', () => {
    expect(decoded('logging {}')).toEqual({ level: 'info', format: 'logfmt', destination: 'stderr' });
    expect(loggingOptions(decoded('logging {}'))).toEqual({ level: 'info', format: 'logfmt' });
  });

  it('takes each recognised level and format', () => {
    for (const level of ['error', 'warn', 'info', 'debug']) {
      for (const format of ['logfmt', 'json']) {
        expect(loggingOptions(decoded(`logging {\n  level = "${level}"\n  format = "${format}"\n}`))).toEqual({ level, format });
      }
    }
  });

  it('reads "" as the default', () => {
    expect(loggingOptions(decoded('logging {\n  level = ""\n  format = ""\n  destination = ""\n}'))).toEqual({
      level: 'info',
      format: 'logfmt',
    });
  });

  it('accepts both destinations and write_to, which do not change the options', () => {
    const value = decoded('logging {\n  destination = "windows_event_log"\n  write_to = []\n}');
    expect(value.destination).toBe('windows_event_log');
    expect(value.write_to).toEqual([]);
    expect(loggingOptions(value)).toEqual({ level: 'info', format: 'logfmt' });
  });

  it("reports upstream's errors on the block", () => {
    expect(errors('logging {\n  level = "verbose"\n}')).toEqual(['config.alloy:1:1: unrecognized log level "verbose"']);
    expect(errors('logging {\n  format = "JSON"\n}')).toEqual(['config.alloy:1:1: unrecognized log format "JSON"']);
    expect(errors('\nlogging {\n  destination = "file"\n}')).toEqual(['config.alloy:2:1: unrecognized log destination "file"']);
  });

  it('quotes the bad value with Go escapes', () => {
    expect(errors('logging {\n  level = "a\\"b\\n"\n}')).toEqual(['config.alloy:1:1: unrecognized log level "a\\"b\\n"']);
  });

  it('names the first bad value: level, then format, then destination', () => {
    expect(errors('logging {\n  destination = "x"\n  format = "y"\n  level = "z"\n}')).toEqual([
      'config.alloy:1:1: unrecognized log level "z"',
    ]);
    expect(errors('logging {\n  destination = "x"\n  format = "y"\n}')).toEqual(['config.alloy:1:1: unrecognized log format "y"']);
  });

  it('reports type errors and unknown attributes as any block does', () => {
    // A number converts to a string, as upstream's decoder allows.
    expect(errors('logging {\n  level = 1\n}')).toEqual(['config.alloy:1:1: unrecognized log level "1"']);
    expect(errors('logging {\n  level = true\n}')).toEqual(['config.alloy:2:11: true should be string, got bool']);
    expect(errors('logging {\n  colour = "red"\n}')).toEqual(['config.alloy:2:3: unrecognized attribute name "colour"']);
  });

  it('configures a log system through its handler', () => {
    const lines: string[] = [];
    const system = new LogSystem({ write: (chunk) => lines.push(chunk), now: () => new Date('2026-05-01T10:00:00Z') });
    system.logger.debug('early');
    const handler = loggingBlockHandler(system);
    handler.apply(decoded('logging {\n  level = "debug"\n  format = "json"\n}'));
    expect(lines).toEqual(['{"ts":"2026-05-01T10:00:00Z","level":"debug","msg":"early"}\n']);
    expect(handler.schema).toBe(LoggingBlock);
  });
});
