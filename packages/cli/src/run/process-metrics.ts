import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * The process-wide registry of `ingot run`: Node's default process and runtime metrics,
 * and `alloy_build_info` under upstream's name and labels, filled with Node's details
 * (`goversion` carries the Node version, as the label set is upstream's).
 */
export function processMetrics(version: string): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'alloy_build_info',
    help: 'A metric with a constant \'1\' value labeled by version, revision, branch, goversion from which alloy was built, and the goos and goarch for the build.',
    labelNames: ['version', 'revision', 'branch', 'goversion', 'goos', 'goarch', 'tags'],
    registers: [registry],
  }).set(
    {
      version: `v${version}`,
      revision: '',
      branch: '',
      goversion: `node${process.versions.node}`,
      goos: process.platform,
      goarch: process.arch,
      tags: 'ingot',
    },
    1,
  );
  return registry;
}
