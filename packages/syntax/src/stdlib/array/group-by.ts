/**
 * `array.group_by(list, key, drop_missing)` (experimental): the objects of `list` grouped
 * by the string value of their top-level field `key`, each group as
 * `{<key> = <value>, items = [...]}`. An object without the field is dropped with
 * `drop_missing`, else it joins the `""` group along with objects whose value is `""`.
 *
 * Upstream collects the groups in a Go map, so their order is random; here they come in
 * order of first appearance, which is one of the orders upstream can produce.
 */
import { ArgError, PlainError, ValueTypeError } from '../../eval/errors.js';
import { array, object, rawFunction, string, type FunctionValue, type Value } from '../../eval/value.js';
import { argumentOfType, elementFields } from '../raw-arguments.js';

export const groupBy: FunctionValue = rawFunction((args) => {
  if (args.length !== 3) throw new PlainError(`group_by: expected 3 arguments, got ${args.length}`);
  const list = argumentOfType(groupBy, args, 0, 'array');
  const key = argumentOfType(groupBy, args, 1, 'string').value;
  const dropMissing = argumentOfType(groupBy, args, 2, 'bool').value;

  const groups = new Map<string, Value[]>();
  list.elements.forEach((element, index) => {
    const groupValue = elementFields(groupBy, element, index).get(key);
    if (groupValue === undefined && dropMissing) return;
    if (groupValue !== undefined && groupValue.type !== 'string') {
      throw new ArgError(groupBy, groupValue, index, new ValueTypeError(groupValue, 'string'));
    }
    const name = groupValue?.value ?? '';
    const items = groups.get(name) ?? [];
    items.push(element);
    groups.set(name, items);
  });

  // `items` is written second, so a key named "items" loses to the group's items.
  return array(
    [...groups].map(([name, items]) => object(new Map<string, Value>([[key, string(name)], ['items', array(items)]]))),
  );
});
