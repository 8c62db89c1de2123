import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transformer, type Answer } from '@/server/api/transformer';

// What the browser's client gets back is what the procedure returned: the answer goes through
// tRPC's JSON.stringify and the client's JSON.parse between serialize and deserialize.
const overTheWire = (value: unknown) =>
  transformer.output.deserialize(JSON.parse(JSON.stringify(transformer.output.serialize(value))) as Answer);

describe('the answers transformer', () => {
  it('gives back any value a procedure can return: dates, undefined, NaN, ±Infinity, -0, maps and sets included', () => {
    const value = fc.anything({
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: false,
      withBigInt: false,
      withBoxedValues: false,
      withTypedArray: false,
      withSparseArray: false,
      key: fc.string().filter((k) => k !== '__proto__'),
    });
    fc.assert(
      fc.property(value, (v) => {
        expect(overTheWire(v)).toStrictEqual(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the special values where they were, deep inside arrays, objects and maps', () => {
    const when = new Date('2026-06-15T08:30:00.000Z');
    const value = {
      milestones: [{ id: 1, updatedAt: when, baselineStart: null, late: false, note: undefined }],
      list: [undefined, NaN, -0, Infinity, -Infinity, new Date(NaN)],
      byId: new Map<unknown, unknown>([
        [1, { at: when }],
        [{ key: true }, new Set([when, 'x'])],
      ]),
    };
    const back = overTheWire(value) as typeof value;
    expect(back).toStrictEqual(value);
    expect(back.milestones[0]!.updatedAt).toBeInstanceOf(Date);
    expect(Object.is(back.list[2], -0)).toBe(true);
    expect('note' in back.milestones[0]!).toBe(true);
    expect(overTheWire(undefined)).toBeUndefined();
    expect(overTheWire(when)).toStrictEqual(when);
  });

  it('sends plain JSON as it is, with no notes', () => {
    expect(JSON.stringify(transformer.output.serialize({ a: [1, 'b', null, true] }))).toBe('{"json":{"a":[1,"b",null,true]}}');
  });

  it('refuses what JSON cannot carry and a browser could not rebuild, naming where it is', () => {
    class Money {
      cents = 1;
    }
    expect(() => transformer.output.serialize({ items: [{ price: new Money() }] })).toThrow('a Money (at items.0.price)');
    expect(() => transformer.output.serialize({ f: () => 1 })).toThrow('a function (at f)');
    expect(() => transformer.output.serialize({ n: 1n })).toThrow('a bigint (at n)');
    expect(() => transformer.output.serialize(JSON.parse('{"__proto__":{"admin":true}}'))).toThrow('a __proto__ key');
  });
});
