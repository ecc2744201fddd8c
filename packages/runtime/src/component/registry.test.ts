import { attr, block, t } from '@ingot/syntax';
import { Registry as PromRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { defineComponent, type AnyRegistration } from './registration.js';
import type { Logger } from './options.js';
import { DefaultRegistry, type LookupOptions } from './registry.js';

const idle = { run: async () => {}, update: async () => {} };

function registration(name: string, extra: Partial<AnyRegistration> = {}): AnyRegistration {
  return {
    name,
    stability: 'generally-available',
    arguments: block({ fields: { value: attr(t.string) } }),
    exports: undefined,
    build: async () => idle,
    ...extra,
  } as AnyRegistration;
}

const ga: LookupOptions = { minStability: 'generally-available', communityComponents: false };

describe('DefaultRegistry', () => {
  it('finds a registered component and lists names sorted', () => {
    const write = registration('pyroscope.write');
    const registry = new DefaultRegistry([write, registration('local.file')]);
    expect(registry.lookup('pyroscope.write', ga)).toEqual({ ok: true, registration: write });
    expect(registry.names()).toEqual(['local.file', 'pyroscope.write']);
  });

  it('reports an unknown name with upstream text', () => {
    expect(new DefaultRegistry([]).lookup('pyroscope.nope', ga)).toEqual({
      ok: false,
      message: 'cannot find the definition of component name "pyroscope.nope"',
    });
  });

  it('refuses a component below the stability level', () => {
    const registry = new DefaultRegistry([registration('pyroscope.java', { stability: 'experimental' })]);
    expect(registry.lookup('pyroscope.java', ga)).toEqual({
      ok: false,
      message:
        'component "pyroscope.java" is at stability level "experimental", which is below the minimum allowed ' +
        'stability level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
    });
    expect(registry.lookup('pyroscope.java', { ...ga, minStability: 'experimental' }).ok).toBe(true);
  });

  it('gates community components by their flag, not by stability', () => {
    const community = { ...registration('acme.thing'), stability: undefined, community: true } as AnyRegistration;
    const registry = new DefaultRegistry([community]);
    expect(registry.lookup('acme.thing', ga)).toEqual({
      ok: false,
      message:
        'the component "acme.thing" is a community component. ' +
        'Use the --feature.community-components.enabled command-line flag to enable community components',
    });
    expect(registry.lookup('acme.thing', { ...ga, communityComponents: true }).ok).toBe(true);
  });

  it('refuses bad registrations, which are programming errors', () => {
    expect(() => new DefaultRegistry([registration('a.b'), registration('a.b')])).toThrow('registered twice');
    expect(() => new DefaultRegistry([registration('remote.http'), registration('remote')])).toThrow(
      'component name "remote" is a prefix of "remote.http"',
    );
    expect(() => new DefaultRegistry([registration('remote'), registration('remotecfg')])).not.toThrow();
    expect(() => new DefaultRegistry([registration('1bad.name')])).toThrow('invalid component name "1bad.name"');
    expect(() => new DefaultRegistry([registration('a..b')])).toThrow('invalid component name');
    const reserved = registration('a.b', { arguments: block({ fields: { health: attr(t.string) } }) });
    expect(() => new DefaultRegistry([reserved])).toThrow('uses the reserved name "health"');
    const overlapping = registration('a.b', { exports: block({ fields: { value: attr(t.string) } }) });
    expect(() => new DefaultRegistry([overlapping])).toThrow('arguments and exports both named value');
  });

  it('infers argument and export types from the schemas', async () => {
    const echo = defineComponent({
      name: 'test.echo',
      stability: 'generally-available',
      arguments: block({ fields: { input: attr(t.string) } }),
      exports: block({ fields: { output: attr(t.string) } }),
      build: async (options, args) => {
        options.onExports({ output: args.input });
        return { run: async () => {}, update: async (next) => options.onExports({ output: next.input }) };
      },
    });
    const published: unknown[] = [];
    const component = await echo.build(
      {
        id: 'test.echo.a',
        dataPath: 'data/test.echo.a',
        logger: silentLogger,
        metrics: new PromRegistry(),
        minStability: 'generally-available',
        onExports: (exports) => published.push(exports),
        getServiceData: () => undefined,
      },
      { input: 'a' },
    );
    await component.update({ input: 'b' });
    expect(published).toEqual([{ output: 'a' }, { output: 'b' }]);
  });
});

const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };
