/**
 * @ingot/runtime: the Alloy runtime. A domain-free dependency graph; the component contract
 * and registry; later the controller that loads, evaluates and reloads the graph.
 */

// The dependency graph
export { Graph } from './dag/graph.js';
export { topologicalOrder } from './dag/topo.js';
export { findCycles, stronglyConnectedComponents } from './dag/cycles.js';
export type { Cycles } from './dag/cycles.js';
