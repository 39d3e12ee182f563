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

  it('signed rank, normal approximation interval with ties and zeros (merge-ranked W(d)) as R', () => {
    // R: x <- round(sin(1:300) * 3, 1) - 0.2; wilcox.test(x, mu = 0.3, conf.int = TRUE, exact = FALSE, alternative = ...)
    const x = Array.from({ length: 300 }, (_, i) => Math.round(Math.sin(i + 1) * 3 * 10) / 10 - 0.2);
    const want = {
      'two.sided': [15992.5, 2.43636791146328e-5, -0.399929757303824, -1.35084406200677e-5, -0.199998344851028],
      less: [15992.5, 1.21818395573164e-5, -Infinity, -0.0499438908137419, -0.199998344851028],
      greater: [15992.5, 0.999987854415257, -0.349975835027515, Infinity, -0.199998344851028],
    } as const;
    for (const [alternative, w] of Object.entries(want)) {
      const r = wilcoxSignedRank(x, { mu: 0.3, exact: false, alternative: alternative as 'two.sided' });
      const got = [r.statistic, r.p_value, r.conf_low, r.conf_high, r.estimate];
      got.forEach((g, k) => (Number.isFinite(w[k]) ? expect(Math.abs(g - w[k])).toBeLessThanOrEqual(1e-6 * Math.abs(w[k]) + 1e-9) : expect(g).toBe(w[k])));
    }
    // R: y <- round(cos((1:2000) / 7) * 5, 0); wilcox.test(y, conf.int = TRUE, conf.level = 0.9)
    const y = Array.from({ length: 2000 }, (_, i) => Math.round(Math.cos((i + 1) / 7) * 5));
    const r = wilcoxSignedRank(y, { confLevel: 0.9 });
    const w = [869224.5, 0.995369119998549, -1.22477288727462e-5, 2.51361504150377e-5, 0];
    [r.statistic, r.p_value, r.conf_low, r.conf_high, r.estimate].forEach((g, k) => expect(Math.abs(g - w[k])).toBeLessThanOrEqual(1e-6 * Math.abs(w[k]) + 1e-9));
  });
});
