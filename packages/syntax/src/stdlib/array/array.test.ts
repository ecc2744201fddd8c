import { describe, expect, it } from 'vitest';
import { evalText } from '../../../test/support/stdlib-eval.js';

const compact = (text: string): string => text.replace(/\s+/g, ' ');

describe('array.concat', () => {
  it.each([
    ['array.concat()', '[]'],
    ['array.concat([])', '[]'],
    ['array.concat([1, 2], [3, 4])', '[1, 2, 3, 4]'],
    ['array.concat([true, "foo"], [], [false, 1])', '[true, "foo", false, 1]'],
    ['array.concat([[1, 2], [3, 4]], [[5, 6]])', '[[1, 2], [3, 4], [5, 6]]'],
    ['concat([1], [2])', '[1, 2]'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it.each([
    ['array.concat(1)', 'error: 1:14: 1 should be array, got number'],
    ['array.concat([1], "x")', 'error: 1:19: "x" should be array, got string'],
  ])('%s fails', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it('rejects null too (a null value has no position upstream)', () => {
    expect(evalText('array.concat(null)')).toMatch(/ should be array, got null$/);
  });
});

describe('array.combine_maps', () => {
  it.each([
    ['array.combine_maps([{"a" = "a1", "b" = "b1"}], [{"a" = "a1", "c" = "c1"}], ["a"])', '[{ a = "a1", b = "b1", c = "c1", }]'],
    ['array.combine_maps([{"a" = 1, "b" = 2.2}], [{"a" = 1, "b" = "3.3"}], ["a"])', '[{ a = 1, b = "3.3", }]'],
    ['array.combine_maps([{"a" = 1, "b" = 2.2}], [{"a" = "1", "b" = "3.3"}], ["a"])', '[]'],
    ['array.combine_maps([{"a" = 1}], [{"a" = 1.0}], ["a"])', '[]'],
    ['array.combine_maps([{"a" = 1}, {"d" = 2}], [{"a" = 2}], ["a"], true)', '[{ a = 1, }, { d = 2, }]'],
    ['array.combine_maps([{"a" = 1}], [{"a" = 2}, {"a" = 3}], ["a"], true)', '[{ a = 1, }, { a = 1, }]'],
    ['array.combine_maps([{"a" = 1}], [], ["a"], true)', '[]'],
  ])('%s', (expr, expected) => expect(compact(evalText(expr))).toBe(expected));

  it.each([
    ['array.combine_maps([{"a" = "a1"}], "a", ["a"])', '"a" should be array, got string'],
    ['array.combine_maps([{"a" = "a1"}], ["a"], ["a"])', '"a" should be object, got string'],
    ['array.combine_maps([], [], [])', '[] combine_maps: merge conditions must not be empty'],
    ['array.combine_maps([], [], [1])', '1 should be string, got number'],
    ['array.combine_maps([], [], ["a"], 1)', '1 should be bool, got number'],
  ])('%s fails', (expr, message) => expect(evalText(expr)).toMatch(`: ${message}`));

  it('an arity error is undecorated', () => {
    expect(evalText('array.combine_maps([], [])')).toBe('error: -: combine_maps: expected 3 or 4 arguments, got 2');
  });
});

describe('array.group_by', () => {
  const fruit = '[{"type" = "fruit", "name" = "apple"}, {"type" = "vegetable", "name" = "carrot"}, {"type" = "fruit", "name" = "banana"}, {"name" = "rock"}]';

  it('groups in order of first appearance, missing keys in the "" group', () => {
    expect(compact(evalText(`array.group_by(${fruit}, "type", false)`))).toBe(
      '[{ items = [{ name = "apple", type = "fruit", }, { name = "banana", type = "fruit", }], type = "fruit", }, ' +
        '{ items = [{ name = "carrot", type = "vegetable", }], type = "vegetable", }, { items = [{ name = "rock", }], type = "", }]',
    );
  });

  it('drops missing keys on request', () => {
    expect(evalText(`array.group_by(${fruit}, "type", true)`)).not.toContain('rock');
  });

  it('a key named items loses to the items', () => {
    expect(compact(evalText('array.group_by([{"items" = "x"}], "items", false)'))).toBe('[{ items = [{ items = "x", }], }]');
  });

  it.each([
    ['array.group_by("x", "age", false)', '"x" should be array, got string'],
    ['array.group_by([], 123, false)', '123 should be string, got number'],
    ['array.group_by([], "age", "no")', '"no" should be bool, got string'],
    ['array.group_by(["x"], "age", false)', '"x" should be object, got string'],
    ['array.group_by([{"age" = 20}], "age", false)', '20 should be string, got number'],
  ])('%s fails', (expr, message) => expect(evalText(expr)).toMatch(`: ${message}`));

  it('an arity error is undecorated', () => {
    expect(evalText('array.group_by([{"name" = "alice"}], "age")')).toBe('error: -: group_by: expected 3 arguments, got 2');
  });
});
