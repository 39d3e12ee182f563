import { describe, expect, it } from 'vitest';
import { pAdjust } from '$core/stats/padjust';
import { expectClose } from '../../reference/compare';

// R 4.2: p <- c(0.01, 0.02, 0.03, 0.04, 0.05, NA, 0.5, 0.001, 0.02, 0.9); p.adjust(p, m)
const p = [0.01, 0.02, 0.03, 0.04, 0.05, NaN, 0.5, 0.001, 0.02, 0.9];
const R: Record<string, (number | null)[]> = {
  holm: [0.08, 0.14, 0.15, 0.16, 0.16, null, 1, 0.009, 0.14, 1],
  hochberg: [0.08, 0.12, 0.15, 0.15, 0.15, null, 0.9, 0.009, 0.12, 0.9],
  hommel: [0.07, 0.0833333333333333, 0.1, 0.12, 0.15, null, 0.9, 0.009, 0.0833333333333333, 0.9],
  bonferroni: [0.09, 0.18, 0.27, 0.36, 0.45, null, 1, 0.009, 0.18, 1],
  BH: [0.045, 0.045, 0.054, 0.06, 0.0642857142857143, null, 0.5625, 0.009, 0.045, 0.9],
  BY: [0.127303571428571, 0.127303571428571, 0.152764285714286, 0.169738095238095, 0.181862244897959, null, 1, 0.0254607142857143, 0.127303571428571, 1],
};

describe('pAdjust = R p.adjust', () => {
  for (const [m, want] of Object.entries(R)) {
    it(m, () => expectClose(Array.from(pAdjust(p, m as any)), want, 1e-13));
  }
  it('fdr is BH, none is identity, n > length', () => {
    expectClose(Array.from(pAdjust(p, 'fdr')), R.BH, 1e-13);
    expect(Array.from(pAdjust([0.2, 0.01], 'none'))).toEqual([0.2, 0.01]);
    expectClose(Array.from(pAdjust([0.01, 0.04], 'holm', 5)), [0.05, 0.16], 1e-13);
    expectClose(Array.from(pAdjust([0.04, 0.01, 0.03], 'hommel')), [0.04, 0.03, 0.04], 1e-13);
  });
  it('a single p-value is returned unchanged; null counts as missing', () => {
    expect(Array.from(pAdjust([0.03], 'bonferroni'))).toEqual([0.03]);
    const r = pAdjust([0.01, null, 0.02], 'bonferroni');
    expect(r[0]).toBeCloseTo(0.02, 15);
    expect(Number.isNaN(r[1])).toBe(true);
  });
});
