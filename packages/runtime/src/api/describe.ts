import { marshalBody, type EvaluatedBody, type Value } from '@ingot/syntax';
import type { Health } from '../component/health.js';
import { rfc3339Nano } from '../logging/rfc3339.js';
import type { Controller } from '../controller/controller.js';
import { ComponentNode } from '../controller/live/component-node.js';
import { CustomComponentNode } from '../controller/live/custom-node.js';
import type { ComponentInfo } from './component-info.js';

/**
 * The web API's view of a controller's components (spec §6.4), in evaluation order. With
 * `detail`, each carries its arguments, exports and debug info; lists leave them empty.
 */
export function describeComponents(
  controller: Controller,
  moduleId: string,
  detail: boolean,
  running: (moduleId: string) => boolean,
): ComponentInfo[] {
  const infos: ComponentInfo[] = [];
  for (const node of controller.nodes()) {
    if (node instanceof ComponentNode || node instanceof CustomComponentNode) {
      infos.push(describeComponent(controller, node, moduleId, detail, running));
    }
  }
  return infos;
}

export function describeComponent(
  controller: Controller,
  node: ComponentNode | CustomComponentNode,
  moduleId: string,
  detail: boolean,
  running: (moduleId: string) => boolean,
): ComponentInfo {
  return node instanceof ComponentNode
    ? describe(controller, node, moduleId, {
        name: node.registration.name,
        arguments: () => json(node.argumentsBody()),
        exports: () => json(node.exportsBody()),
        debugInfo: () => debugInfoBody(node.debugInfo()),
        createdModuleIDs: [],
      }, detail)
    : describe(controller, node, moduleId, {
        name: node.name,
        arguments: () => json(attributes(node.argumentsMap)),
        exports: () => json(attributes(node.exportsMap)),
        debugInfo: () => [],
        createdModuleIDs: running(node.globalId) ? [node.globalId] : [],
      }, detail);
}

interface Details {
  readonly name: string;
  readonly arguments: () => readonly unknown[];
  readonly exports: () => readonly unknown[];
  readonly debugInfo: () => readonly unknown[];
  readonly createdModuleIDs: readonly string[];
}

function describe(
  controller: Controller,
  node: ComponentNode | CustomComponentNode,
  moduleId: string,
  details: Details,
  detail: boolean,
): ComponentInfo {
  const { block } = node.source;
  const references = controller.references(node.id);
  return {
    name: details.name,
    type: 'block',
    localID: node.id,
    moduleID: moduleId,
    ...(block.label === '' ? {} : { label: block.label }),
    referencesTo: references.to,
    referencedBy: references.by,
    dataFlowEdgesTo: controller.dataFlowEdgesTo(node.id),
    health: wireHealth(node.health()),
    original: '',
    arguments: detail ? details.arguments() : [],
    exports: detail ? details.exports() : [],
    debugInfo: detail ? details.debugInfo() : [],
    ...(details.createdModuleIDs.length > 0 ? { createdModuleIDs: details.createdModuleIDs } : {}),
    liveDebuggingEnabled: false,
  };
}

/** A custom component's arguments or exports: one attribute per entry, sorted by name. */
function attributes(values: ReadonlyMap<string, Value>): EvaluatedBody {
  return [...values]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ kind: 'attribute', name, value }));
}

function wireHealth(health: Health): ComponentInfo['health'] {
  return { state: health.state, message: health.message, updatedTime: rfc3339Nano(health.updateTime) };
}


/**
 * alloyjson statements as JSON values. Numbers beyond 2^53 lose precision here, in what the
 * API shows only; the arguments themselves are untouched.
 */
function json(body: EvaluatedBody): readonly unknown[] {
  return JSON.parse(marshalBody(body)) as unknown[];
}

/**
 * Debug info is whatever the component reports: a body when it gives statements, else a
 * single attribute per top-level key of a plain object, values as JSON.
 */
function debugInfoBody(info: unknown): readonly unknown[] {
  if (info === undefined || info === null) return [];
  if (Array.isArray(info)) return info;
  if (typeof info !== 'object') return [];
  return Object.entries(info as Record<string, unknown>).map(([name, value]) => ({
    name,
    type: 'attr',
    value: jsonValue(value),
  }));
}

/** A plain JSON value in alloyjson's `{type, value}` form. */
function jsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number' || typeof value === 'bigint') return { type: 'number', value: Number(value) };
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (value instanceof Date) return { type: 'string', value: rfc3339Nano(value) };
  if (Array.isArray(value)) return { type: 'array', value: value.map(jsonValue) };
  return {
    type: 'object',
    value: Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => ({ key, value: jsonValue(item) })),
  };
}
