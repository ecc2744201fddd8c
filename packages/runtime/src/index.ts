/**
 * @ingot/runtime: the Alloy runtime. The component contract and registry; the component
 * graph, loaded, evaluated, scheduled and reloaded by a controller; services; and what the
 * HTTP API shows of it all.
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

// Services
export type { Service, ServiceDefinition, AnyServiceDefinition } from './service/service.js';

// Loading, evaluating and running a graph
export { loadGraph } from './controller/loader.js';
export type { LoadOptions, LoadResult as GraphPlan, LoadScope } from './controller/loader.js';
export type { GraphNode, ConfigBlockName } from './controller/node.js';
export type { SourceBlock } from './controller/classify.js';
export { Controller } from './controller/controller.js';
export type { ControllerOptions, LoadOutcome, LiveNode } from './controller/controller.js';
export type { ConfigBlockHandler } from './controller/live/config-node.js';
export { changesSummary } from './controller/changes.js';
export type { GraphChanges } from './controller/changes.js';

// A running Ingot over a config path, and checking a config without running it
export { Runtime } from './runtime/runtime.js';
export type { RuntimeOptions, LoadResult, LoadFailure } from './runtime/runtime.js';
export { readConfig, parseConfig } from './config/read-config.js';
export type { ConfigSources, ReadOutcome, ParseOutcome } from './config/read-config.js';
export { validateConfig } from './validate/validate-config.js';
export type { ValidateOptions } from './validate/validate-config.js';

// Metrics
export { gatherMetrics } from './metrics/gather.js';

// Modules
export { Definitions } from './modules/definitions.js';
export type { Template } from './modules/definitions.js';
export type { ImportSource, ImportSourceDefinition, AnyImportSourceDefinition, ImportContext, ModuleContent } from './modules/import-source.js';
export { builtinImportSources, importFile, importGit, importHttp, importString } from './modules/sources/index.js';

// Watching files (local.file, import.file)
export { startDetector } from './filedetector/detector.js';
export type { Detector, DetectorName, DetectorOptions } from './filedetector/detector.js';
export { every, sleep, untilAborted } from './timers.js';

// Errors worded as upstream's
export { osErrorMessage } from './os-error.js';

// What the HTTP API shows and triggers
export type { ComponentInfo, EvaluatedBodyJson } from './api/component-info.js';
export type { RuntimeHost, ReloadOutcome, ComponentHandler } from './api/host.js';

// Logging
export { LogSystem } from './logging/log-system.js';
export type { LogSystemOptions } from './logging/log-system.js';
export { LoggingBlock, loggingBlockHandler, loggingOptions } from './logging/logging-block.js';
export type { LoggingOptions, LogLevel, LogFormat } from './logging/logging-options.js';
