import { encodeValue, object, zeroValue, type BodySchema, type Field, type Value } from '@ingot/syntax';

/**
 * A component's exports as the Alloy object references read (`local.file.a.content`): each
 * attribute of the exports schema, in declared order. Exports schemas have attributes only.
 */
export function exportsValue(exports: Readonly<Record<string, unknown>>, schema: BodySchema): Value {
  if (schema.kind !== 'struct') {
    return object(new Map(Object.entries(exports).map(([key, value]) => [key, encodeValue(value as never, schema.element)])));
  }
  const fields = new Map<string, Value>();
  for (const [name, field] of Object.entries<Field>(schema.fields)) {
    if (field.kind !== 'attr') continue;
    fields.set(name, encodeValue((exports[name] ?? zeroValue(field.type)) as never, field.type));
  }
  return object(fields, true);
}

/** The exports of a component never built: every field at its zero value (spec §1.8 step 3). */
export function zeroExports(schema: BodySchema | undefined): Value {
  return schema === undefined ? object(new Map(), true) : exportsValue({}, schema);
}
