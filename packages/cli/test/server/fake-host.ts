import type { ComponentHandler, ComponentInfo, ReloadOutcome, RuntimeHost } from '@ingot/runtime';

/**
 * A `RuntimeHost` whose answers the test sets directly: the server only sees the interface,
 * so the real controller is not needed to test the HTTP side.
 */
export interface FakeHost extends RuntimeHost {
  isReady: boolean;
  unhealthy: string[];
  reloadOutcome: ReloadOutcome;
  reloads: number;
  metricsText: string;
  /** Components by module ID (`''` = root), in evaluation order. */
  modules: Map<string, ComponentInfo[]>;
  /** Global IDs of components that exist; the value is their handler, if any. */
  handlers: Map<string, ComponentHandler | undefined>;
  /** Every global ID `componentHandler` was asked about, in order. */
  handlerLookups: string[];
  peerList: { name: string; addr: string; isSelf: boolean; state: string }[];
}

export function fakeHost(): FakeHost {
  return {
    isReady: true,
    unhealthy: [],
    reloadOutcome: { ok: true },
    reloads: 0,
    metricsText: '# HELP up Up.\n# TYPE up gauge\nup 1\n',
    modules: new Map([['', []]]),
    handlers: new Map(),
    handlerLookups: [],
    peerList: [{ name: 'node-a', addr: '127.0.0.1:12345', isSelf: true, state: 'participant' }],

    ready() {
      return this.isReady;
    },
    async reload() {
      this.reloads += 1;
      return this.reloadOutcome;
    },
    unhealthyComponents() {
      return this.unhealthy;
    },
    components(moduleId) {
      return this.modules.get(moduleId);
    },
    component(moduleId, localId) {
      return this.modules.get(moduleId)?.find((info) => info.localID === localId);
    },
    componentHandler(globalId) {
      this.handlerLookups.push(globalId);
      if (!this.handlers.has(globalId)) return { exists: false };
      const handler = this.handlers.get(globalId);
      return handler === undefined ? { exists: true } : { exists: true, handler };
    },
    async metrics() {
      return this.metricsText;
    },
    peers() {
      return this.peerList;
    },
  };
}

/** A component as the web API lists it. */
export function componentInfo(localID: string, moduleID = ''): ComponentInfo {
  const [namespace = '', name = '', label] = localID.split('.');
  return {
    name: `${namespace}.${name}`,
    type: 'block',
    localID,
    moduleID,
    ...(label === undefined ? {} : { label }),
    referencesTo: [],
    referencedBy: [],
    dataFlowEdgesTo: [],
    health: { state: 'healthy', message: 'started component', updatedTime: '2026-05-01T10:00:00.123456789Z' },
    original: '',
    arguments: [],
    exports: [],
    debugInfo: [],
    liveDebuggingEnabled: false,
  };
}
