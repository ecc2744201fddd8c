/**
 * Decoding a block or a body into the typed object its schema declares (upstream
 * `vm.evaluateBlockOrBody` and `structDecoder`, spec §5.2–§5.5).
 *
 * Where Ingot differs from upstream, deliberately:
 * - Every error is reported, not only the first. A failing statement adds its diagnostic
 *   and the decoder moves on to the next one; the field it would have set keeps its
 *   default. The result is then a failure: a half-decoded object never reaches a component.
 *   Checks that upstream's VM and its accumulating `typecheck` order differently (an
 *   unknown name written twice) follow `typecheck`: name checks come before the duplicate
 *   check, so each statement gets the one error that explains it.
 * - `missing required attribute/block` and `validate` failures carry the enclosing
 *   block's span (upstream's VM gives them no position; its `typecheck` and the runtime's
 *   loader place them on the block, as here).
 * - Secrets: besides the attribute of a secret-typed field (as upstream), every literal
 *   whose value ended up in a secret, such as an element of a `list(secret)`, is redacted.
 */
import type { Attribute, Block, Body, Expression, Span, Statement } from '../ast/nodes.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { makeDiagnostic, type ValueOrigins } from '../eval/diagnose.js';
import { EvalError } from '../eval/errors.js';
import { evaluateTraced } from '../eval/evaluate.js';
import type { Scope } from '../eval/scope.js';
import type { Value } from '../eval/value.js';
import { quote } from '../lexer/quote.js';
import { NO_POSITION, type Position } from '../source/position.js';
import { decodeValue } from './decode-value.js';
import { setOwn } from './own-property.js';
import type { BlockSchema, BodySchema, Decoded, EnumField, Field, MapBlockSchema } from './schema.js';
import type { AttrType } from './types.js';

export interface DecodeOptions {
  /** The file name diagnostics carry; `''` by default. */
  readonly filename?: string;
  /**
   * The block that owns the body, for errors about the body as a whole (a missing required
   * attribute, a failed validation). Without it they have no position, as upstream's.
   */
  readonly enclosing?: Span;
  /**
   * Values known only at run time, such as another component's exports: an attribute whose
   * value this accepts is not evaluated, counts as provided, and the block holding it is not
   * validated. `ingot validate` decodes this way, checking all it can without running.
   */
  readonly deferred?: (value: Expression) => boolean;
}

export type DecodeResult<T> =
  | { readonly ok: true; readonly value: T; readonly redact: ReadonlySet<Expression> }
  | {
      readonly ok: false;
      readonly diagnostics: readonly Diagnostic[];
      /** Literals to redact even so: a configuration with errors is still printed. */
      readonly redact: ReadonlySet<Expression>;
    };

/** Decodes a body (a whole file, or a component's block body) into `schema`. */
export function decodeBody<S extends BodySchema>(
  body: Body,
  schema: S,
  scope?: Scope,
  options: DecodeOptions = {},
): DecodeResult<Decoded<S>> {
  const decoder = new Decoder(scope, options.filename ?? '', options.deferred);
  const value = decoder.body(body, schema, options.enclosing);
  return decoder.result(value) as DecodeResult<Decoded<S>>;
}

/** Decodes a block, its label included, into `schema`. */
export function decodeBlock<S extends BodySchema>(
  block: Block,
  schema: S,
  scope?: Scope,
  options: Omit<DecodeOptions, 'enclosing'> = {},
): DecodeResult<Decoded<S>> {
  const decoder = new Decoder(scope, options.filename ?? '', options.deferred);
  const value = decoder.block(block, schema);
  return decoder.result(value) as DecodeResult<Decoded<S>>;
}

type DecodedRecord = Record<string, unknown>;

/** Where each enum alternative's blocks go: `child.a` → the `child` field, alternative `a`. */
interface EnumTarget {
  readonly field: string;
  readonly alternative: string;
  readonly schema: BodySchema;
}

class Decoder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly redact = new Set<Expression>();
  /** How many attributes were deferred so far: a block with one is not validated. */
  private deferredCount = 0;

  constructor(
    private readonly scope: Scope | undefined,
    private readonly filename: string,
    private readonly deferred: ((value: Expression) => boolean) | undefined,
  ) {}

  result(value: unknown): DecodeResult<unknown> {
    if (this.diagnostics.length > 0) return { ok: false, diagnostics: this.diagnostics, redact: this.redact };
    return { ok: true, value, redact: this.redact };
  }

  /** A block statement: its label, then its body (spec §5.2, §5.4). */
  block(block: Block, schema: BodySchema): DecodedRecord {
    const name = block.name.join('.');
    const header: Span = { start: block.start, end: block.lCurly };
    if (schema.kind === 'map') {
      if (block.label !== '') this.report(`block ${quote(name)} requires empty label`, header);
      return this.mapBody(block.body, schema);
    }
    const label: DecodedRecord = {};
    if (schema.label !== undefined) {
      if (block.label === '') this.report(`block ${quote(name)} requires non-empty label`, header);
      else setOwn(label, schema.label, block.label);
    } else if (block.label !== '') {
      this.report(`block ${quote(name)} does not support specifying labels`, header);
    }
    // Upstream stops at a label error; the body is still decoded here for its own errors.
    return this.structBody(block.body, schema, block, label);
  }

  body(body: Body, schema: BodySchema, enclosing: Span | undefined): DecodedRecord {
    return schema.kind === 'map' ? this.mapBody(body, schema) : this.structBody(body, schema, enclosing, {});
  }

  /** A body into a map: attributes become entries (a repeat overwrites), blocks are refused. */
  private mapBody(body: Body, schema: MapBlockSchema): DecodedRecord {
    const result: DecodedRecord = {};
    for (const statement of body) {
      if (statement.kind === 'Block') {
        this.report('nested blocks not supported here', statement);
        continue;
      }
      const decoded = this.attributeValue(statement, schema.element);
      if (decoded.ok) setOwn(result, statement.name.name, decoded.value);
    }
    return result;
  }

  /** The struct decoder (spec §5.3): statements in source order, then the required check. */
  private structBody(body: Body, schema: BlockSchema, enclosing: Span | undefined, label: DecodedRecord): DecodedRecord {
    const errorsBefore = this.diagnostics.length;
    const deferredBefore = this.deferredCount;
    const result = withDefaults(schema, label);
    const enums = enumTargets(schema);
    const counts = blockCounts(body);
    const provided = new Set<string>();
    const reportedCount = new Set<string>();

    for (const statement of body) {
      if (statement.kind === 'Attribute') {
        this.structAttribute(statement, schema, result, provided);
        continue;
      }
      const name = statement.name.join('.');
      const target = enums.get(name);
      if (target !== undefined) {
        const element = this.block(statement, target.schema);
        (result[target.field] as unknown[]).push({ kind: target.alternative, value: element });
        continue;
      }
      const field = fieldOf(schema, name);
      if (field === undefined) {
        this.report(`unrecognized block name ${quote(name)}`, statement);
        continue;
      }
      if (field.kind === 'attr') {
        this.report(`${quote(name)} must be an attribute, but is used as a block`, statement);
        continue;
      }
      if (field.kind === 'enum') {
        // An enum's own name is not a block; only `<name>.<alternative>` are.
        this.report(`unrecognized block name ${quote(name)}`, statement);
        continue;
      }
      const count = counts.get(name) ?? 0;
      const firstOccurrence = !provided.has(name);
      provided.add(name);
      const element = this.countError(field, name, count, firstOccurrence, statement, reportedCount);
      const decoded = this.block(statement, field.schema);
      if (element === 'skip') continue;
      if (field.kind === 'block') setOwn(result, name, decoded);
      else {
        // The first block of a repeated name replaces any default elements.
        if (firstOccurrence) setOwn(result, name, []);
        (result[name] as unknown[]).push(decoded);
      }
    }

    this.requireFields(schema, provided, enclosing);
    const decoded = inDeclarationOrder(schema, result);
    if (this.diagnostics.length === errorsBefore && this.deferredCount === deferredBefore && schema.validate !== undefined) {
      // Only a cleanly decoded block is validated: a half-decoded one would fail for no reason.
      const message = schema.validate(decoded);
      if (message !== undefined) this.report(message, enclosing);
    }
    return decoded;
  }

  /**
   * A block written more or fewer times than its field allows. The error goes on the first
   * occurrence, once, as upstream counts before decoding; `skip` keeps the value unset.
   */
  private countError(
    field: Exclude<Field, { kind: 'attr' | 'enum' }>,
    name: string,
    count: number,
    firstOccurrence: boolean,
    statement: Block,
    reported: Set<string>,
  ): 'keep' | 'skip' {
    let message: string | undefined;
    if (field.kind === 'block' && count > 1) message = `block ${quote(name)} may only be specified once`;
    if (field.kind === 'fixed_blocks' && count !== field.count) {
      message = `block ${quote(name)} must be specified exactly ${field.count} times, but was specified ${count} times`;
    }
    if (message === undefined) return 'keep';
    if (firstOccurrence && !reported.has(name)) {
      reported.add(name);
      this.report(message, statement);
    }
    return 'skip';
  }

  private structAttribute(attr: Attribute, schema: BlockSchema, result: DecodedRecord, provided: Set<string>): void {
    const name = attr.name.name;
    const field = fieldOf(schema, name);
    if (field === undefined || field.kind === 'enum') {
      this.report(`unrecognized attribute name ${quote(name)}`, attr);
      return;
    }
    if (field.kind !== 'attr') {
      this.report(`${quote(name)} must be a block, but is used as an attribute`, attr);
      return;
    }
    if (provided.has(name)) {
      this.report(`attribute ${quote(name)} may only be provided once`, attr);
      return;
    }
    // Provided even if its value fails below: "missing" would only add noise to that error.
    provided.add(name);
    const decoded = this.attributeValue(attr, field.type);
    if (decoded.ok) setOwn(result, name, decoded.value);
  }

  /** Evaluates an attribute's value and decodes it into `type`, reporting where it fails. */
  private attributeValue(attr: Attribute, type: AttrType): { ok: true; value: unknown } | { ok: false } {
    // Upstream marks the value of a secret-typed attribute for the formatter to redact.
    if (type.kind === 'secret' || type.kind === 'optional_secret') this.redact.add(attr.value);
    if (this.deferred?.(attr.value) === true) {
      this.deferredCount++;
      return { ok: false };
    }

    const evaluated = evaluateTraced(attr.value, this.scope, { filename: this.filename });
    if (!evaluated.ok) {
      this.diagnostics.push(evaluated.diagnostic);
      return { ok: false };
    }
    try {
      const value = decodeValue(evaluated.value, type, (secret) => this.redactSource(secret, evaluated.origins));
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      this.diagnostics.push(makeDiagnostic(error, evaluated.origins, this.filename));
      return { ok: false };
    }
  }

  /** Redacts the literal a secret came from, if it was written in the source. */
  private redactSource(value: Value, origins: ValueOrigins): void {
    let origin = origins.get(value);
    while (origin?.kind === 'Paren') origin = origin.inner;
    if (origin?.kind === 'Literal') this.redact.add(origin);
  }

  private requireFields(schema: BlockSchema, provided: ReadonlySet<string>, enclosing: Span | undefined): void {
    for (const [name, field] of Object.entries(schema.fields) as [string, Field][]) {
      if (field.kind === 'enum' || field.presence !== 'required' || provided.has(name)) continue;
      const what = field.kind === 'attr' ? 'attribute' : 'block';
      this.report(`missing required ${what} ${quote(name)}`, enclosing);
    }
  }

  private report(message: string, span: Span | Statement | undefined): void {
    const start: Position = span?.start ?? NO_POSITION;
    this.diagnostics.push({
      severity: 'error',
      message,
      file: this.filename,
      start,
      ...(span !== undefined && { end: span.end }),
    });
  }
}

/** A fresh object holding the label and every declared default (upstream `SetToDefault`). */
function withDefaults(schema: BlockSchema, label: DecodedRecord): DecodedRecord {
  const result: DecodedRecord = { ...label };
  for (const [name, field] of Object.entries(schema.fields) as [string, Field][]) {
    if (field.kind === 'blocks' || field.kind === 'enum') setOwn(result, name, []);
    else if (field.kind !== 'fixed_blocks' && field.presence === 'defaulted') setOwn(result, name, field.default);
  }
  return result;
}

/** The label, then the fields in the schema's order, whatever order the source had. */
function inDeclarationOrder(schema: BlockSchema, result: DecodedRecord): DecodedRecord {
  const ordered: DecodedRecord = {};
  if (schema.label !== undefined && Object.hasOwn(result, schema.label)) setOwn(ordered, schema.label, result[schema.label]);
  for (const name of Object.keys(schema.fields)) {
    if (Object.hasOwn(result, name)) setOwn(ordered, name, result[name]);
  }
  return ordered;
}

function fieldOf(schema: BlockSchema, name: string): Field | undefined {
  return Object.hasOwn(schema.fields, name) ? (schema.fields[name] as Field) : undefined;
}

const enumTargetCache = new WeakMap<BlockSchema, ReadonlyMap<string, EnumTarget>>();

function enumTargets(schema: BlockSchema): ReadonlyMap<string, EnumTarget> {
  let targets = enumTargetCache.get(schema);
  if (targets === undefined) {
    const map = new Map<string, EnumTarget>();
    for (const [field, declared] of Object.entries(schema.fields) as [string, Field][]) {
      if (declared.kind !== 'enum') continue;
      for (const [alternative, alternativeSchema] of Object.entries((declared as EnumField).alternatives)) {
        map.set(`${field}.${alternative}`, { field, alternative, schema: alternativeSchema });
      }
    }
    targets = map;
    enumTargetCache.set(schema, targets);
  }
  return targets;
}

/** How many blocks of each full name the body has: "once" errors are known before decoding. */
function blockCounts(body: Body): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const statement of body) {
    if (statement.kind !== 'Block') continue;
    const name = statement.name.join('.');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
