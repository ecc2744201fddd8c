/** Building test values: objects from entry lists, and host capsules with chosen behaviours. */
import { capsule, object, type Capsule, type ObjectValue, type Value } from '../../src/eval/value.js';

export const fields = (entries: [string, Value][], ordered = false): ObjectValue => object(new Map(entries), ordered);

/** A host capsule that equals nothing, with whichever optional behaviours `members` gives. */
export function hostCapsule(members: Partial<Capsule> & { typeName: string }): Value {
  return capsule({ equals: () => false, ...members });
}
