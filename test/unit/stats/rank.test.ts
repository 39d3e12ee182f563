import { describe, expect, it } from 'vitest';
import { rankAverage, tieCorrection } from '$core/stats/rank';

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
