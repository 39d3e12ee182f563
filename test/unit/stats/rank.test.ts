import { describe, expect, it } from 'vitest';
import { argsortNumeric, rankAverage, sortNumeric, tieCorrection } from '$core/stats/rank';

describe('rankAverage', () => {
  it('matches R rank(ties.method = "average")', () => {
    // R: rank(c(3, 1, 4, 1, 5, 9, 2, 6, 5)) -> 4.0 1.5 5.0 1.5 6.5 9.0 3.0 8.0 6.5
    const r = rankAverage([3, 1, 4, 1, 5, 9, 2, 6, 5]);
    expect(Array.from(r.ranks)).toEqual([4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]);
    expect(r.ties).toEqual([2, 2]);
    expect(tieCorrection(r.ties)).toBe(12);
  });
  it('handles negative zero, all-equal and single values', () => {
    expect(Array.from(rankAverage([0, -0, 1]).ranks)).toEqual([1.5, 1.5, 3]);
    expect(Array.from(rankAverage([7, 7, 7]).ranks)).toEqual([2, 2, 2]);
    expect(Array.from(rankAverage([42]).ranks)).toEqual([1]);
  });
});

describe('radix paths (large inputs) give the same answers as the native sort', () => {
  let seed = 1;
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const gens: (() => number)[] = [
    () => Math.round((r() - 0.5) * 2000) / 10, // many ties
    () => (r() - 0.5) * 1e6,
    () => (r() < 0.1 ? -0 : r() < 0.2 ? 0 : r() < 0.5 ? -r() * 1e-300 : r() * 1e300), // signed zeros, extremes
    () => Math.floor(r() * 3),
    () => 5, // all equal
    () => (r() < 0.3 ? Infinity : r() < 0.5 ? -Infinity : r() - 0.5),
  ];
  const show = (a: ArrayLike<number>) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : v));
  it('rankAverage: ranks and tie groups as by sorting and binary search', () => {
    for (const gen of gens) {
      const x = Float64Array.from({ length: 60_000 }, gen);
      const s = Float64Array.from(x).sort();
      const ties: number[] = [];
      const avg = new Map<number, number>();
      for (let i = 0; i < s.length; ) {
        let j = i + 1;
        while (j < s.length && s[j] === s[i]) j++;
        avg.set(s[i], (i + 1 + j) / 2);
        if (j - i > 1) ties.push(j - i);
        i = j;
      }
      const got = rankAverage(x);
      expect(got.ties).toEqual(ties);
      expect(Array.from(got.ranks)).toEqual(Array.from(x, (v) => avg.get(v)!));
      const o = argsortNumeric(x);
      // ascending, stable among equal values (-0 just before +0)
      let ordered = true;
      for (let k = 1; k < o.length; k++) {
        const a = x[o[k - 1]];
        const b = x[o[k]];
        if (!(a < b || (a === b && (o[k - 1] < o[k] || (Object.is(a, -0) && Object.is(b, 0)))))) ordered = false;
      }
      expect(ordered).toBe(true);
    }
  });
  it('sortNumeric: as Float64Array.prototype.sort, NaN last', () => {
    for (const gen of [...gens, () => (r() < 0.1 ? NaN : r() - 0.5)]) {
      const x = Float64Array.from({ length: 70_000 }, gen);
      expect(show(sortNumeric(Float64Array.from(x)))).toEqual(show(Float64Array.from(x).sort()));
    }
  });
});
