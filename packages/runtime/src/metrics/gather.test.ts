import { Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { gatherMetrics } from './gather.js';

/** A component's registry, labelled the way the runtime labels it. */
function componentRegistry(id: string, path = '/'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component_id: id, component_path: path });
  return registry;
}

interface ParsedFamily {
  help: string;
  type: string;
  samples: { name: string; labels: string; value: string }[];
}

/**
 * A strict reader of the text format, checking what Prometheus' parser rejects or
 * mis-assigns: a HELP/TYPE given twice for a family, a family that resumes after another
 * one started, a sample whose name does not belong to the family in force, a duplicate series.
 */
function parseExposition(text: string): Map<string, ParsedFamily> {
  const families = new Map<string, ParsedFamily>();
  const seenSeries = new Set<string>();
  let current: { name: string; family: ParsedFamily } | undefined;
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (comment !== null) {
      const [, kind, name = '', rest = ''] = comment;
      if (current?.name !== name) {
        if (families.has(name)) throw new Error(`family ${name} resumes after another family: ${line}`);
        current = { name, family: { help: '', type: 'untyped', samples: [] } };
        families.set(name, current.family);
      }
      if (kind === 'HELP') {
        if (current.family.help !== '' || current.family.type !== 'untyped') throw new Error(`second or late HELP: ${line}`);
        current.family.help = rest;
      } else {
        if (current.family.type !== 'untyped') throw new Error(`second TYPE: ${line}`);
        if (current.family.samples.length > 0) throw new Error(`TYPE after samples: ${line}`);
        current.family.type = rest;
      }
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(line);
    if (sample === null) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const [, name = '', labels = '', value = ''] = sample;
    if (current === undefined || !belongsTo(name, current.name, current.family.type)) {
      throw new Error(`sample ${name} outside its family (current: ${current?.name})`);
    }
    if (Number.isNaN(Number(value)) && !['NaN', '+Inf', '-Inf'].includes(value)) throw new Error(`bad value: ${line}`);
    const series = `${name}${labels}`;
    if (seenSeries.has(series)) throw new Error(`duplicate series: ${series}`);
    seenSeries.add(series);
    current.family.samples.push({ name, labels, value });
  }
  return families;
}

function belongsTo(sample: string, family: string, type: string): boolean {
  if (sample === family) return type !== 'histogram';
  const suffixes = type === 'histogram' ? ['_bucket', '_sum', '_count'] : type === 'summary' ? ['_sum', '_count'] : [];
  return suffixes.some((suffix) => sample === family + suffix);
}

describe('gatherMetrics', () => {
  it('writes each family once, with the samples of every registry under it', async () => {
    const a = componentRegistry('pyroscope.write.a');
    const b = componentRegistry('pyroscope.write.b');
    for (const registry of [a, b]) {
      new Counter({ name: 'pyroscope_write_sent_bytes_total', help: 'Bytes sent.', registers: [registry] }).inc(10);
      new Gauge({ name: 'pyroscope_write_queue', help: 'Queued profiles.', labelNames: ['endpoint'], registers: [registry] })
        .labels('x')
        .set(3);
    }

    const families = parseExposition(await gatherMetrics([a, b]));

    expect([...families.keys()]).toEqual(['pyroscope_write_queue', 'pyroscope_write_sent_bytes_total']);
    const sent = families.get('pyroscope_write_sent_bytes_total')!;
    expect(sent.help).toBe('Bytes sent.');
    expect(sent.type).toBe('counter');
    expect(sent.samples).toEqual([
      {
        name: 'pyroscope_write_sent_bytes_total',
        labels: '{component_id="pyroscope.write.a",component_path="/"}',
        value: '10',
      },
      {
        name: 'pyroscope_write_sent_bytes_total',
        labels: '{component_id="pyroscope.write.b",component_path="/"}',
        value: '10',
      },
    ]);
    expect(families.get('pyroscope_write_queue')!.samples.map((s) => s.labels)).toEqual([
      '{endpoint="x",component_id="pyroscope.write.a",component_path="/"}',
      '{endpoint="x",component_id="pyroscope.write.b",component_path="/"}',
    ]);
  });

  it('keeps histogram and summary samples inside their family', async () => {
    const registries = ['a', 'b'].map((id) => componentRegistry(`scrape.${id}`, '/module.x'));
    for (const registry of registries) {
      new Histogram({ name: 'latency_seconds', help: 'Latency.', buckets: [0.1, 1], registers: [registry] }).observe(0.5);
      new Summary({ name: 'size_bytes', help: 'Size.', percentiles: [0.5], registers: [registry] }).observe(100);
    }

    const text = await gatherMetrics(registries);
    const families = parseExposition(text);

    expect([...families.keys()]).toEqual(['latency_seconds', 'size_bytes']);
    const latency = families.get('latency_seconds')!;
    expect(latency.type).toBe('histogram');
    // 3 buckets (0.1, 1, +Inf) + sum + count, per registry.
    expect(latency.samples).toHaveLength(10);
    expect(latency.samples.filter((s) => s.labels.includes('component_id="scrape.b"'))).toHaveLength(5);
    expect(text).toContain('latency_seconds_bucket{le="+Inf",component_id="scrape.a",component_path="/module.x"} 1');
    const size = families.get('size_bytes')!;
    expect(size.type).toBe('summary');
    expect(size.samples.map((s) => s.name)).toEqual([
      'size_bytes',
      'size_bytes_sum',
      'size_bytes_count',
      'size_bytes',
      'size_bytes_sum',
      'size_bytes_count',
    ]);
  });

  it('sorts families by name whatever the registry order', async () => {
    const first = new Registry();
    new Gauge({ name: 'zeta', help: 'z', registers: [first] }).set(1);
    new Gauge({ name: 'alpha', help: 'a', registers: [first] }).set(1);
    const second = new Registry();
    new Gauge({ name: 'mu', help: 'm', registers: [second] }).set(1);

    const families = parseExposition(await gatherMetrics([first, second]));

    expect([...families.keys()]).toEqual(['alpha', 'mu', 'zeta']);
  });

  it('keeps the first declaration when two registries disagree on the type', async () => {
    const first = componentRegistry('a');
    new Counter({ name: 'things', help: 'Things seen.', registers: [first] }).inc();
    const conflicting = componentRegistry('b');
    new Gauge({ name: 'things', help: 'Things now.', registers: [conflicting] }).set(7);
    const agreeing = componentRegistry('c');
    new Counter({ name: 'things', help: 'Another help.', registers: [agreeing] }).inc(2);

    const families = parseExposition(await gatherMetrics([first, conflicting, agreeing]));

    const things = families.get('things')!;
    expect(things).toMatchObject({ help: 'Things seen.', type: 'counter' });
    expect(things.samples.map((s) => s.value)).toEqual(['1', '2']);
  });

  it('writes a series two registries both expose once', async () => {
    const registries = [new Registry(), new Registry()];
    for (const [index, registry] of registries.entries()) {
      new Gauge({ name: 'shared', help: 'Shared.', registers: [registry] }).set(index + 1);
    }

    const families = parseExposition(await gatherMetrics(registries));

    expect(families.get('shared')!.samples).toEqual([{ name: 'shared', labels: '', value: '1' }]);
  });

  it('leaves out families without samples and renders nothing for nothing', async () => {
    const registry = new Registry();
    new Counter({ name: 'unused_total', help: 'No child yet.', labelNames: ['x'], registers: [registry] });

    expect(await gatherMetrics([registry])).toBe('');
    expect(await gatherMetrics([])).toBe('');
  });

  it('runs async collect callbacks and keeps escaped help and label values intact', async () => {
    const registry = componentRegistry('local.file.quoted "name"\\');
    new Gauge({
      name: 'collected',
      help: 'Line one\nline two \\ end',
      labelNames: ['path'],
      registers: [registry],
      async collect() {
        await new Promise((resolve) => setTimeout(resolve, 1));
        this.labels('/tmp/a b').set(42);
      },
    });

    const text = await gatherMetrics([registry]);
    const families = parseExposition(text);

    expect(families.get('collected')!.help).toBe('Line one\\nline two \\\\ end');
    expect(text).toContain('collected{path="/tmp/a b",component_id="local.file.quoted \\"name\\"\\\\",component_path="/"} 42\n');
  });
});
