import { describe, expect, it } from 'vitest';
import { psignrank, pwilcox, qsignrank, qwilcox, wilcoxRankSum, wilcoxSignedRank } from '$core/stats/wilcoxon';
import { uniroot } from '$core/stats/uniroot';
import { expectClose } from '../../reference/compare';

describe('exact distributions = R', () => {
  it('pwilcox / qwilcox', () => {
    // pwilcox(10,5,7); pwilcox(30,9,8,lower.tail=FALSE); pwilcox(1000,45,49)
    expectClose([pwilcox(10, 5, 7), pwilcox(30, 9, 8, false), pwilcox(1000, 45, 49)], [0.133838383838384, 0.697079391197038, 0.22094146464063], 1e-12);
    expect([qwilcox(0.025, 5, 7), qwilcox(0.975, 9, 8), qwilcox(0.05, 45, 49)]).toEqual([6, 56, 885]);
  });
  it('psignrank / qsignrank', () => {
    expectClose([psignrank(10, 12), psignrank(60, 15, false), psignrank(500, 49)], [0.010498046875, 0.488983154296875, 0.133920859101984], 1e-12);
    expect([qsignrank(0.025, 12), qsignrank(0.975, 15), qsignrank(0.05, 49)]).toEqual([14, 94, 447]);
  });
  it('uniroot finds a root of a smooth function', () => {
    expect(uniroot((x) => x * x - 2, 0, 2, { tol: 1e-10 })).toBeCloseTo(Math.SQRT2, 9);
  });
});

describe('wilcox.test = R', () => {
  it('rank sum, exact (R: wilcox.test(c(1.83,0.50,1.62,2.48,1.68,1.88,1.55,3.06,1.30), c(0.878,0.647,0.598,2.05,1.06,1.29,1.06,3.14,1.29), conf.int = TRUE))', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = wilcoxRankSum(x, y);
    expect(r.exact).toBe(false); // ties (1.06, 1.29) -> normal approximation
    expect(r.statistic).toBe(58);
  });
  it('signed rank, exact with no ties', () => {
    const r = wilcoxSignedRank([1.5, -0.3, 2.2, 0.7, 1.1, -0.9, 3.1, 0.4]);
    expect(r.exact).toBe(true);
    expect(r.statistic).toBe(31);
  });
});
