import { describe, expect, it } from 'vitest';
import { binomTest, dbinom, fisher2x2, fisherRxC, lchoose, pbinom, pbinomUpper, qbeta } from '$core/stats/discrete';
import { uniroot } from '$core/stats/uniroot';
import { expectClose } from '../../reference/compare';

// Reference values from R 4.2 (printed with digits = 17).
describe('discrete kernels vs R', () => {
  it('binomial pmf and tails', () => {
    expectClose(dbinom(3, 10, 0.3), 0.26682793199999993, 1e-12);
    expectClose(pbinom(3, 10, 0.3), 0.64961071840000018, 1e-12);
    expectClose(pbinomUpper(3, 10, 0.3), 0.35038928159999998, 1e-12);
    expectClose(pbinomUpper(90, 100, 0.5), 1.6610244897268272e-18, 1e-6); // pbinom(90, 100, .5, lower = FALSE)
    expect(lchoose(5, 7)).toBe(-Infinity);
  });
  it('qbeta (Clopper–Pearson limits)', () => {
    expectClose(qbeta(0.025, 3, 8), 0.066739511177734467, 1e-10);
    expectClose(qbeta(0.975, 4, 7), 0.65245285005999731, 1e-9);
    expectClose(qbeta(1e-8, 0.5, 0.5), 2.4674011002723e-16, 1e-6);
  });
  it('binom.test(7, 20, 0.3)', () => {
    const r = binomTest(7, 20, 0.3, 'two.sided', 0.95);
    expectClose(r, { p_value: 0.62949796667667735, conf_low: 0.15390920478454115, conf_high: 0.59218853453282816 }, 1e-6);
  });
  it('uniroot follows R (tolerance eps^0.25)', () => {
    // uniroot(function(x) x^3 - 2, c(0, 2))$root = 1.2599338350608136 (R 4.2): only eps^0.25-accurate, but the same iterate
    expectClose(uniroot((x) => x ** 3 - 2, 0, 2), 1.2599338350608136, 1e-14);
  });
  it('fisher.test on matrix(c(3, 1, 1, 3), 2)', () => {
    const r = fisher2x2(3, 1, 1, 3, 'two.sided', 0.95);
    expectClose(r, { p_value: 0.48571428571428582, estimate: 6.40830886700578795, conf_low: 0.21173291530550292, conf_high: 621.93375054541729696 }, 1e-9);
  });
  it('fisher.test on Job satisfaction (4 x 4, R example)', () => {
    const job = [
      [1, 2, 1, 0],
      [3, 3, 6, 1],
      [10, 10, 14, 9],
      [6, 7, 12, 11],
    ];
    expectClose(fisherRxC(job)!.p_value, 0.78268493896563884, 1e-6);
  });
});
