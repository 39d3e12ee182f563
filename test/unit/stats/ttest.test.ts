import { describe, expect, it } from 'vitest';
import { tTest1, tTest2, varTest } from '$core/stats/ttest';
import { expectClose } from '../../reference/compare';

// R's sleep data: extra for group 1 (x) and group 2 (y); reference values printed by R 4.2 with digits = 17.
const x = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const y = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('t-test kernels vs R t.test / var.test', () => {
  it('one sample: t.test(x, mu = 0.5, alternative = "greater", conf.level = 0.9)', () => {
    const r = tTest1(x, 'greater', 0.9, 0.5);
    expectClose(r, { estimate: 0.75, statistic: 0.441903380237940457, df: 9, p_value: 0.334493311807337435, conf_low: -0.032427109774510132, conf_high: null, method: 'One Sample t-test' }, 1e-12);
  });
  it('paired: t.test(x, y, paired = TRUE, alternative = "less")', () => {
    const d = x.map((v, i) => v - y[i]);
    const r = tTest1(d, 'less', 0.95, 0, true);
    expectClose(r, { estimate: -1.58, statistic: -4.0621276833820365582, df: 9, p_value: 0.0014164450986921351, conf_low: null, conf_high: -0.8669947329707164974, method: 'Paired t-test' }, 1e-12);
  });
  it('Welch: t.test(x, y)', () => {
    expectClose(tTest2(x, y, false, 'two.sided', 0.95, 0), { statistic: -1.860813467486853057, df: 17.776473516178498357, p_value: 0.079394140187358173, conf_low: -3.365483230711710405, conf_high: 0.205483230711710180 }, 1e-12);
  });
  it('Student: t.test(x, y, var.equal = TRUE, mu = -1)', () => {
    expectClose(tTest2(x, y, true, 'two.sided', 0.95, -1), { statistic: -0.68308342477365491, df: 18, p_value: 0.50325222966348082, conf_low: -3.36387403228759885, conf_high: 0.20387403228759871 }, 1e-12);
  });
  it('var.test(x, y)', () => {
    expectClose(varTest(x, y), { statistic: 0.79834261799839246, df: 9, df_denom: 9, p_value: 0.74271993172604511 }, 1e-12);
  });
  it('constant data and n < 2: statistic, p-value and interval are null (where R stops)', () => {
    for (const r of [tTest1([2, 2, 2], 'two.sided', 0.95, 1), tTest1([0, 0, 0], 'two.sided', 0.95, 0), tTest1([3], 'two.sided', 0.95, 0)]) {
      expect(r.statistic).toBeNull();
      expect(r.p_value).toBeNull();
      expect(r.conf_low).toBeNull();
      expect(r.conf_high).toBeNull();
    }
    // differences equal up to rounding (1.1 − 0.1 etc.) count as constant, as R's 10·eps·|mean| rule
    expect(tTest1([1.1 - 0.1, 2.3 - 1.3, 1], 'two.sided', 0.95, 0).statistic).toBeNull();
  });
});
