import type { Registry } from 'prom-client';

/**
 * One metric family while the registries are merged: the first registry to declare the name
 * fixes its HELP, TYPE and type; later registries only contribute samples.
 */
interface Family {
  readonly header: readonly [help: string, type: string];
  readonly type: string;
  readonly samples: string[];
  /** `name{labels}` of each sample, so a series two registries both expose is written once. */
  readonly series: Set<string>;
}

/**
 * Renders the Prometheus text exposition (format 0.0.4) of several prom-client registries as
 * one scrape, the way client_golang's gatherer merges collectors:
 *
 * - every family appears once, with one `# HELP` and one `# TYPE`, and the samples of that
 *   name from every registry grouped under it (histogram and summary `_bucket`/`_sum`/`_count`
 *   lines included, since prom-client renders them as part of their family);
 * - families are sorted by name, as client_golang does, so a scrape does not depend on the
 *   order components were built in; samples keep registry order, then prom-client's order;
 * - the first registry to declare a name wins: a later family of the same name with another
 *   type is skipped whole (upstream's gatherer fails the scrape instead, which would hide
 *   every other metric), and a different HELP is ignored;
 * - a series (same name and labels) already written is not written again;
 * - families without any sample are left out, as client_golang does.
 *
 * `Registry.merge` cannot do this: components of one type register the same names in their
 * own registries, and merging throws on the first duplicate. Registries must use the
 * Prometheus content type (prom-client's default); OpenMetrics renders counters differently.
 */
export async function gatherMetrics(registries: Iterable<Registry>): Promise<string> {
  // Collect callbacks may be async (process metrics are), so every registry renders at once;
  // merging then follows the order the registries were given in.
  const rendered = await Promise.all([...registries].map(renderEachMetric));
  const families = new Map<string, Family>();
  for (const texts of rendered) {
    for (const text of texts) addFamily(families, text);
  }

  const lines: string[] = [];
  for (const name of [...families.keys()].sort(byCodeUnits)) {
    const family = families.get(name)!;
    if (family.samples.length === 0) continue;
    lines.push(...family.header, ...family.samples);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Each metric's own text: prom-client applies the registry's default labels and escaping. */
function renderEachMetric(registry: Registry): Promise<string[]> {
  return Promise.all(registry.getMetricsAsArray().map((metric) => registry.getSingleMetricAsString(metric.name)));
}

/** Folds one rendered metric (`# HELP`, `# TYPE`, then sample lines) into `families`. */
function addFamily(families: Map<string, Family>, text: string): void {
  const [help = '', typeLine = '', ...samples] = text.split('\n');
  // `# TYPE <name> <type>`: metric names never contain spaces.
  const [, , name = '', type = ''] = typeLine.split(' ');

  let family = families.get(name);
  if (family === undefined) {
    family = { header: [help, typeLine], type, samples: [], series: new Set() };
    families.set(name, family);
  } else if (family.type !== type) {
    return;
  }

  for (const sample of samples) {
    if (sample === '') continue;
    // The value is the last space-separated field; label values may contain spaces.
    const series = sample.slice(0, sample.lastIndexOf(' '));
    if (family.series.has(series)) continue;
    family.series.add(series);
    family.samples.push(sample);
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
