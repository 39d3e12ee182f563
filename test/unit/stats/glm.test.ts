import { describe, expect, it } from 'vitest';
import { glmFit } from '$core/stats/glm';
import { auc, rocCurve } from '$core/stats/roc';
import { hosmerLemeshow } from '$core/stats/hosmer-lemeshow';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('glmFit', () => {
  it('R: glm(c(0,0,1,0,1,1) ~ c(1,2,3,4,5,6), binomial): same coefficients, same iterations', () => {
    // R 4.2.2: coef(fit) = -4.24909655047712, 1.21402758585061; fit$iter = 5
    const x = Float64Array.from([1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6]);
    const y = Float64Array.from([0, 0, 1, 0, 1, 1]);
    const f = glmFit({ family: 'binomial', x, n: 6, p: 2, y });
    expect(f.converged).toBe(true);
    expect(f.iter).toBe(5);
    expect(Math.abs(f.coefficients[0] / -4.24909655047712 - 1)).toBeLessThan(1e-10);
    expect(Math.abs(f.coefficients[1] / 1.21402758585061 - 1)).toBeLessThan(1e-10);
  });

  it('the design by columns gives the same fit as by rows', () => {
    const n = 3000;
    let seed = 5;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
    const cols = [new Float64Array(n).fill(1), Float64Array.from({ length: n }, r), Float64Array.from({ length: n }, r), Float64Array.from({ length: n }, r)];
    const y = Float64Array.from({ length: n }, (_, i) => (r() + 0.5 < 1 / (1 + Math.exp(-(0.3 + cols[1][i] - 2 * cols[2][i]))) ? 1 : 0));
    const x = new Float64Array(n * 4);
    for (let i = 0; i < n; i++) for (let j = 0; j < 4; j++) x[i * 4 + j] = cols[j][i];
    const a = glmFit({ family: 'binomial', x, n, p: 4, y });
    const b = glmFit({ family: 'binomial', cols, n, p: 4, y });
    expect(b.iter).toBe(a.iter);
    for (let j = 0; j < 4; j++) {
      expect(b.coefficients[j]).toBe(a.coefficients[j]);
      expect(b.stdErrors[j]).toBe(a.stdErrors[j]);
    }
    expect(b.deviance).toBe(a.deviance);
  });

  it('aliased column gets NaN and rank drops, as R’s NA', () => {
    const x = Float64Array.from([1, 1, 2, 1, 2, 4, 1, 3, 6, 1, 4, 8, 1, 5, 10]);
    const y = Float64Array.from([1, 3, 2, 5, 4]);
    const f = glmFit({ family: 'poisson', x, n: 5, p: 3, y });
    expect(f.aliased).toEqual([false, false, true]);
    expect(f.rank).toBe(2);
    expect(Number.isNaN(f.coefficients[2])).toBe(true);
  });

  it('recovers the coefficients of a 300,000 × 20 logistic model', () => {
    const n = 300_000;
    const p = 20;
    const r = rng(42);
    const x = new Float64Array(n * p);
    const y = new Float64Array(n);
    const beta = Array.from({ length: p }, (_, j) => (j === 0 ? -0.5 : ((j % 5) - 2) * 0.1));
    for (let i = 0; i < n; i++) {
      x[i * p] = 1;
      let eta = beta[0];
      for (let j = 1; j < p; j++) {
        const v = r() * 2 - 1;
        x[i * p + j] = v;
        eta += beta[j] * v;
      }
      y[i] = r() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    // Correctness at scale; its speed is measured by `npm run bench`, not asserted here.
    const f = glmFit({ family: 'binomial', x, n, p, y });
    expect(f.converged).toBe(true);
    for (let j = 0; j < p; j++) expect(Math.abs(f.coefficients[j] - beta[j])).toBeLessThan(0.03);
  }, 60000);
});

describe('roc', () => {
  it('AUC by Mann–Whitney with ties counted one half', () => {
    // pROC::auc(c(0,0,1,1), c(0.1,0.4,0.35,0.8)) = 0.75
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 15);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
  });
  it('the curve runs from (0,0) to (1,1) and is thinned to at most 2,000 points', () => {
    const r = rng(1);
    const n = 50000;
    const s = Float64Array.from({ length: n }, () => r());
    const e = Float64Array.from(s, (v) => (r() < v ? 1 : 0));
    const c = rocCurve(s, e, 2000);
    expect(c.length).toBeLessThanOrEqual(2000);
    expect(c[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(c[c.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
    for (let i = 1; i < c.length; i++) expect(c[i].fpr >= c[i - 1].fpr && c[i].tpr >= c[i - 1].tpr).toBe(true);
  });
});

describe('hosmerLemeshow', () => {
  it('keeps df = g − 2 when ties merge groups (as hoslem.test)', () => {
    const fitted = [0.2, 0.2, 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, 0.8, 0.8];
    const y = [0, 0, 1, 0, 1, 0, 1, 0, 1, 1];
    const h = hosmerLemeshow(y, fitted, 10)!;
    // R: length(unique(quantile(yhat, probs = seq(0, 1, 0.1)))) - 1 = 4
    expect(h.groups.length).toBe(4);
    expect(h.df).toBe(8);
    expect(hosmerLemeshow([0, 1], [0.3, 0.3])).toBeNull();
  });
});
