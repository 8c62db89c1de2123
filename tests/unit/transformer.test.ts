import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeResult } from '../../server/api/transformer';

// The server's fast serializer must be indistinguishable from superjson for the browser, which
// deserializes every answer with superjson: same values after the trip through JSON, Dates
// and undefined included, and anything unusual handed to superjson itself.

const overTheWire = (result: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(result)));

const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });
const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  date,
);
const value = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('tree'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('tree'), { maxKeys: 5 }),
  ),
})).tree;

describe('serializeResult', () => {
  it('round-trips like superjson for JSON values, Dates and undefined, keys with dots and backslashes included', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(overTheWire(serializeResult(v))).toEqual(overTheWire(superjson.serialize(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps Dates as Dates and undefined as undefined, at the root and deep inside', () => {
    const when = new Date('2026-07-01T08:30:00.000Z');
    const back = overTheWire(serializeResult({ a: { 'b.c': [when, undefined] }, d: undefined })) as Record<string, unknown>;
    expect(back).toEqual({ a: { 'b.c': [when, undefined] }, d: undefined });
    expect(Object.keys(back)).toContain('d');
    expect(overTheWire(serializeResult(when))).toEqual(when);
    expect(overTheWire(serializeResult(undefined))).toBeUndefined();
  });

  it('leaves what plain JSON cannot carry to superjson', () => {
    for (const v of [
      { n: NaN },
      { n: -0 },
      { i: Infinity },
      { m: new Map([[1, 2]]) },
      { s: new Set([1]) },
      { b: 10n },
      { d: new Date(NaN) },
    ]) {
      expect(serializeResult(v)).toEqual(superjson.serialize(v));
      expect(overTheWire(serializeResult(v))).toEqual(overTheWire(superjson.serialize(v)));
    }
  });

  it('adds no annotations to plain JSON (the result is sent as it is)', () => {
    const v = { milestones: [{ id: 1, title: 'Pilot line', critical: true, totalFloat: null }] };
    expect(serializeResult(v)).toEqual({ json: v });
  });
});
