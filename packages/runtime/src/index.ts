/**
 * @ingot/runtime: the Alloy runtime. A domain-free dependency graph; the component contract
 * and registry; stable receivers; phase A of loading, which plans a candidate graph from parsed files.
 * Evaluating, scheduling and reloading come next.
 */

// The dependency graph
export { Graph } from './dag/graph.js';
export { topologicalOrder } from './dag/topo.js';
export { findCycles, stronglyConnectedComponents } from './dag/cycles.js';
export type { Cycles } from './dag/cycles.js';

// The component contract and registry
export type { Component } from './component/component.js';
export type { ComponentOptions, Logger, LogFields, MetricsRegistry, TelemetryLabels } from './component/options.js';
export { telemetryLabels } from './component/options.js';
export type { Registration, AnyRegistration, ExportsOf } from './component/registration.js';
export { defineComponent } from './component/registration.js';
export type { Registry, LookupOptions, Lookup } from './component/registry.js';
export { DefaultRegistry } from './component/registry.js';
export { checkStability } from './component/stability.js';
export type { Health, HealthState } from './component/health.js';
export { healthOf, leastHealthy } from './component/health.js';

// Receivers that survive reloads
export { StableReceiver } from './component/stable-receiver.js';
export type { Sink } from './component/stable-receiver.js';

// Loading: the candidate graph (phase A)
export { loadGraph } from './controller/loader.js';
export type { LoadOptions, LoadResult, LoadScope } from './controller/loader.js';
export type { GraphNode, ConfigBlockName } from './controller/node.js';
export type { SourceBlock } from './controller/classify.js';

// Services
export type { Service, ServiceDefinition, AnyServiceDefinition } from './service/service.js';

// What the HTTP API shows and triggers
export type { ComponentInfo, EvaluatedBodyJson } from './api/component-info.js';
export type { RuntimeHost, ReloadOutcome, ComponentHandler } from './api/host.js';
