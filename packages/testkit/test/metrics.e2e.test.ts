/** `/metrics` of a running `ingot run` (spec §2.6, §6.2): config loads, the controller, components. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricValue, type RunningIngot } from '../src/index.js';
import { passthrough, str, useIngot } from './support.js';

const start = useIngot();

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The config-load metrics. */
async function configMetrics(ingot: RunningIngot) {
  const samples = await ingot.metrics();
  const hashes = samples.filter((s) => s.name === 'alloy_config_hash');
  return {
    hashes: hashes.map((s) => ({ labels: s.labels, value: s.value })),
    successful: metricValue(samples, 'alloy_config_last_load_successful'),
    failures: metricValue(samples, 'alloy_config_load_failures_total'),
    successTime: metricValue(samples, 'alloy_config_last_load_success_timestamp_seconds'),
  };
}

const ROOT_CONTROLLER = { controller_path: '/', controller_id: '' };

describe('ingot run: metrics', { timeout: 30_000 }, () => {
  it('reports config loads: hash of the config in force, success, failures', async () => {
    const startedAt = Date.now() / 1000;
    const ingot = await start({
      config: (dir) => {
        writeFileSync(join(dir, 'a.txt'), 'text');
        return `local.file "a" {\n  filename = ${str(join(dir, 'a.txt'))}\n}\n` + passthrough('p', 'local.file.a.content');
      },
    });
    const firstHash = sha256(ingot.configPath);
    const first = await configMetrics(ingot);
    expect(first).toMatchObject({ hashes: [{ labels: { sha256: firstHash, cluster_name: '' }, value: 1 }], successful: 1, failures: 0 });
    expect(first.successTime).toBeGreaterThanOrEqual(Math.floor(startedAt));

    const samples = await ingot.metrics();
    expect(metricValue(samples, 'alloy_component_controller_running_components', { health_type: 'healthy', ...ROOT_CONTROLLER })).toBe(2);
    expect(samples.filter((s) => s.name === 'alloy_component_controller_running_components')).toHaveLength(1);
    expect(metricValue(samples, 'alloy_component_controller_evaluating', ROOT_CONTROLLER)).toBe(0);
    expect(metricValue(samples, 'alloy_component_graph_connection', { from: 'local.file.a', to: 'testcomponents.passthrough.p', ...ROOT_CONTROLLER })).toBe(1);
    // A component's own metrics carry its ID and path.
    expect(metricValue(samples, 'local_file_timestamp_last_accessed_unix_seconds', { component_id: 'local.file.a', component_path: '/' })).toBeGreaterThanOrEqual(
      Math.floor(startedAt),
    );
    expect(metricValue(samples, 'alloy_build_info', { version: 'v0.1.0' })).toBe(1);

    // A config that does not parse: not successful, one more failure, the hash of the
    // config in force is kept (upstream would show the rejected one's: its quirk 2.6-2).
    ingot.writeConfig('local.file "a" {\n');
    expect((await ingot.request('/-/reload', { method: 'POST' })).status).toBe(400);
    expect(await configMetrics(ingot)).toMatchObject({ hashes: [{ labels: { sha256: firstHash } }], successful: 0, failures: 1, successTime: first.successTime });

    // A config that does not plan: the same.
    ingot.writeConfig(passthrough('p', 'nope.thing.x.output'));
    expect((await ingot.request('/-/reload', { method: 'POST' })).status).toBe(400);
    expect(await configMetrics(ingot)).toMatchObject({ hashes: [{ labels: { sha256: firstHash } }], successful: 0, failures: 2 });

    // A config applied with an error: in force, so its hash, but not successful.
    ingot.writeConfig(passthrough('p', 'true') + passthrough('q', '"q"'));
    expect((await ingot.request('/-/reload', { method: 'POST' })).status).toBe(400);
    expect(await configMetrics(ingot)).toMatchObject({ hashes: [{ labels: { sha256: sha256(ingot.configPath) } }], successful: 0, failures: 3 });
    const partly = await ingot.metrics();
    expect(metricValue(partly, 'alloy_component_controller_running_components', { health_type: 'unhealthy', ...ROOT_CONTROLLER })).toBe(1);
    expect(metricValue(partly, 'alloy_component_controller_running_components', { health_type: 'healthy', ...ROOT_CONTROLLER })).toBe(1);
    // The removed local.file's metrics are gone with it.
    expect(partly.filter((s) => s.labels.component_id === 'local.file.a')).toEqual([]);

    // A good one again.
    ingot.writeConfig(passthrough('p', '"fixed"'));
    expect((await ingot.request('/-/reload', { method: 'POST' })).status).toBe(200);
    const fixed = await configMetrics(ingot);
    expect(fixed).toMatchObject({ hashes: [{ labels: { sha256: sha256(ingot.configPath) } }], successful: 1, failures: 3 });
    expect(fixed.successTime).toBeGreaterThanOrEqual(first.successTime!);
  });

  it('labels the config hash with --cluster.name', async () => {
    const ingot = await start({ config: passthrough('p', '"x"'), args: ['--cluster.name=east'] });
    expect((await configMetrics(ingot)).hashes).toEqual([{ labels: { sha256: sha256(ingot.configPath), cluster_name: 'east' }, value: 1 }]);
  });
});
