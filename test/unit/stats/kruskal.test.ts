import { describe, expect, it } from 'vitest';
import { kruskalWallis } from '$core/stats/kruskal';

describe('kruskalWallis (the kernel of compare.kruskal_wallis and describe.table1)', () => {
  it('matches kruskal.test, with and without ties', () => {
    // R: kruskal.test(list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0)))
    const a = kruskalWallis([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]])!;
    expect(a.statistic).toBeCloseTo(0.771428571428572, 12);
    expect(a.df).toBe(2);
    expect(a.p_value).toBeCloseTo(0.679964773578894, 12);
    // R: kruskal.test(list(c(1, 1, 2, 3), c(2, 2, 5), c(1, 5, 5, 6)))
    const b = kruskalWallis([[1, 1, 2, 3], [2, 2, 5], [], [1, 5, 5, 6]])!; // an empty group is dropped
    expect(b.statistic).toBeCloseTo(2.74839743589744, 12);
    expect(b.df).toBe(2);
    expect(b.p_value).toBeCloseTo(0.253042272824603, 12);
  });
  it('is null when it cannot be run, NaN when all values are tied', () => {
    expect(kruskalWallis([[1, 2, 3], []])).toBeNull();
    expect(kruskalWallis([[1], [2]])).toBeNull();
    expect(Number.isNaN(kruskalWallis([[4, 4], [4, 4]])!.statistic)).toBe(true);
  });
});
