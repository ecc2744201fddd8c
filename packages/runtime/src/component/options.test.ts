import { describe, expect, it } from 'vitest';
import { telemetryLabels } from './options.js';

describe('telemetryLabels', () => {
  it('puts a root component at path /', () => {
    expect(telemetryLabels('pyroscope.write.default')).toEqual({
      component_id: 'pyroscope.write.default',
      component_path: '/',
    });
  });

  it('splits a nested ID at its last slash', () => {
    expect(telemetryLabels('math.add.example/prometheus.scrape.x')).toEqual({
      component_id: 'prometheus.scrape.x',
      component_path: '/math.add.example',
    });
    expect(telemetryLabels('outer.a/inner.b/local.file.c')).toEqual({
      component_id: 'local.file.c',
      component_path: '/outer.a/inner.b',
    });
  });
});
