import { describe, expect, it } from 'vitest';
import { metricValue, parseMetrics } from './metrics.js';

const TEXT = `# HELP alloy_config_hash Hash of the currently active config file.
# TYPE alloy_config_hash gauge
alloy_config_hash{sha256="abc",cluster_name=""} 1
alloy_component_controller_running_components{health_type="healthy",controller_path="/",controller_id=""} 2
alloy_component_controller_running_components{health_type="unhealthy",controller_path="/",controller_id=""} 1
odd{label="a \\"quoted\\", value\\\\"} +Inf
alloy_config_load_failures_total 0
`;

describe('parseMetrics', () => {
  it('reads names, labels and values, skipping comments', () => {
    const samples = parseMetrics(TEXT);
    expect(samples).toHaveLength(5);
    expect(samples[0]).toEqual({ name: 'alloy_config_hash', labels: { sha256: 'abc', cluster_name: '' }, value: 1 });
    expect(samples[3]).toEqual({ name: 'odd', labels: { label: 'a "quoted", value\\' }, value: Infinity });
  });
});

describe('metricValue', () => {
  it('finds the one sample whose labels include the given ones', () => {
    expect(metricValue(TEXT, 'alloy_config_load_failures_total')).toBe(0);
    expect(metricValue(TEXT, 'alloy_component_controller_running_components', { health_type: 'unhealthy' })).toBe(1);
    expect(metricValue(TEXT, 'alloy_component_controller_running_components', { health_type: 'exited' })).toBeUndefined();
    expect(() => metricValue(TEXT, 'alloy_component_controller_running_components')).toThrow('2 samples of');
  });
});
