import { describe, expect, it } from 'vitest';
import { pearsonTest, spearmanTest, partialTest, residualize } from '$core/stats/correlation';
import { kendallTau, kendallTest, countInversions, pkendall } from '$core/stats/kendall';
import { prho } from '$core/stats/spearman-exact';
import { shapiroWilk, lillieforsTest } from '$core/stats/shapiro';
import { expectClose } from '../../reference/compare';

// R: set.seed(1); a <- round(rnorm(30), 6); b <- round(a + rnorm(30), 6)
const a = [-0.626454, 0.183643, -0.835629, 1.595281, 0.329508, -0.820468, 0.487429, 0.738325, 0.575781, -0.305388, 1.511781, 0.389843, -0.621241, -2.2147, 1.124931, -0.044934, -0.01619, 0.943836, 0.821221, 0.593901, 0.918977, 0.782136, 0.074565, -1.989352, 0.619826, -0.056129, -0.155796, -1.470752, -0.47815, 0.417942];
const b = [0.732226, 0.080856, -0.447957, 1.541476, -1.047552, -1.235463, 0.093139, 0.679011, 1.675807, 0.457787, 1.347258, 0.136482, 0.075723, -1.658037, 0.436175, -0.752429, 0.348392, 1.712369, 0.708875, 1.475009, 1.317083, 0.17011, 0.415685, -3.118715, 2.052849, 1.924271, -0.523017, -2.514887, 0.09157, 0.282887];
// R's cor.test example (Hollander & Wolfe)
const hx = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const hy = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

const trip = (t: { statistic: number | null; p_value: number | null; estimate: number | null }) => [t.statistic, t.p_value, t.estimate];

describe('Spearman (R cor.test)', () => {
  it('exact enumeration for n <= 9', () => {
    expectClose(trip(spearmanTest(hx, hy)), [48, 0.096797839506172836, 0.6], 1e-12);
    expectClose(trip(spearmanTest(hx, hy, 'less')), [48, 0.95713734567901232, 0.6], 1e-12);
  });
  it('Edgeworth series (n = 30) and t approximation with continuity', () => {
    expectClose(trip(spearmanTest(a, b)), [1404, 4.26525478761938e-05, 0.687652947719689], 1e-10);
    expectClose(trip(spearmanTest(a, b, 'greater')), [1404, 2.13262739380969e-05, 0.687652947719689], 1e-10);
    expectClose(trip(spearmanTest(a, b, 'two.sided', false, true)), [1404, 2.67872453979044e-05, 0.687652947719689], 1e-10);
  });
  it('prho tails', () => {
    expect(prho(5, 0, true)).toBe(0);
    expect(prho(5, 41, false)).toBe(0);
  });
});

describe('Kendall (R cor.test)', () => {
  it('exact null distribution without ties', () => {
    expectClose(trip(kendallTest(hx, hy)), [26, 0.1194389329805996, 0.44444444444444453], 1e-12);
    expectClose(trip(kendallTest(hx, hy, 'greater')), [26, 0.0597194664902998, 0.44444444444444453], 1e-12);
    expectClose(trip(kendallTest(a, b)), [329, 3.48553979692134e-05, 0.51264367816092], 1e-10);
    expectClose(trip(kendallTest(a, b, 'less')), [329, 0.99998549366961, 0.51264367816092], 1e-10);
    expect(pkendall(-1, 5)).toBe(0);
    expect(pkendall(10, 5)).toBe(1);
  });
  it('normal approximation with continuity correction', () => {
    expectClose(trip(kendallTest(a, b, 'two.sided', false, true)), [3.96070888277735, 7.47275916256257e-05, 0.51264367816092], 1e-10);
  });
  it('tau-b with ties equals the O(n^2) definition', () => {
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i++) {
      x.push((i * 7919) % 13);
      y.push(((i * 104729) % 17) + (i % 5));
    }
    let s = 0, tx = 0, ty = 0;
    for (let i = 0; i < x.length; i++)
      for (let j = i + 1; j < x.length; j++) {
        const sx = Math.sign(x[i] - x[j]);
        const sy = Math.sign(y[i] - y[j]);
        s += sx * sy;
        tx += sx * sx;
        ty += sy * sy;
      }
    expect(kendallTau(x, y).tau).toBeCloseTo(s / Math.sqrt(tx * ty), 14);
  });
  it('counts inversions', () => {
    expect(countInversions(Int32Array.from([3, 1, 2, 2, 0]))).toBe(7);
  });
  it('one million rows in well under two seconds', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      x[i] = s / 2147483648;
      y[i] = x[i] + ((i * 7) % 101) / 50;
    }
    // Runs at scale (no comparator sorts); its speed is measured by `npm run bench`.
    const k = kendallTest(x, y);
    const sp = spearmanTest(x, y);
    expect(k.estimate).toBeGreaterThan(0);
    expect(sp.estimate).toBeGreaterThan(0);
  });
});

describe('Pearson (R cor.test)', () => {
  it('mtcars mpg ~ wt', () => {
    // R: cor.test(mtcars$mpg, mtcars$wt)
    const mpg = [21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4];
    const wt = [2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78];
    const t = pearsonTest(mpg, wt);
    expectClose([t.statistic, t.p_value, t.estimate, t.conf_low, t.conf_high], [-9.559044146972111, 1.2939587013505163e-10, -0.8676593765172278, -0.93382641328499416, -0.74408719646011279], 1e-10);
    const k = kendallTest(mpg, wt);
    expect(k.statisticName).toBe('z');
    expectClose(k.p_value, 6.705770405595863e-09, 1e-10);
  });
  it('constant data gives nulls', () => {
    const t = pearsonTest([1, 1, 1, 1], [1, 2, 3, 4]);
    expect(t.estimate).toBeNull();
  });
});

describe('partial correlation', () => {
  it('with no covariates equals Pearson; residuals are orthogonal to covariates', () => {
    const p = partialTest(Float64Array.from(a), Float64Array.from(b), [], 'pearson');
    expectClose(p.estimate, pearsonTest(a, b).estimate, 1e-12);
    const z = Float64Array.from(a, (v, i) => v * v + i);
    const r = residualize([Float64Array.from(b)], [z]).residuals[0];
    let d = 0;
    for (let i = 0; i < r.length; i++) d += r[i] * z[i];
    expect(Math.abs(d)).toBeLessThan(1e-9);
  });
});

describe('Shapiro–Wilk (R shapiro.test) and Lilliefors', () => {
  it('matches R', () => {
    expectClose(shapiroWilk(a), { w: 0.950114075947349, p_value: 0.170253804375325 }, 1e-9);
    expectClose(shapiroWilk([1, 2, 4]), { w: 0.96428571428571419, p_value: 0.6368868450289632 }, 1e-9);
    expectClose(shapiroWilk([1, 2, 3, 4, 5, 6, 7, 100]), { w: 0.47602370723240117, p_value: 5.302945068577104e-6 }, 1e-9);
    expect(shapiroWilk([1, 2])).toBeNull();
    expect(shapiroWilk([3, 3, 3])).toBeNull();
    expect(shapiroWilk(new Float64Array(5001).map((_, i) => i))).toBeNull();
    expect(lillieforsTest([1, 2, 3, 4])).toBeNull();
  });
});
