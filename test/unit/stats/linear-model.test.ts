import { describe, expect, it } from 'vitest';
import { gramAccumulate } from '$core/stats/gram';
import { gvif, leverage, leverageAt, lmFit, modelMatrix, sequentialSS, typeIIISS, typeIISS, type ModelVar } from '$core/stats/linear-model';

const fac = (name: string, levels: string[], codes: number[], contrast: 'treatment' | 'sum' = 'treatment'): ModelVar => ({ name, kind: 'factor', levels, codes: Int32Array.from(codes), contrast });
const numv = (name: string, v: number[]): ModelVar => ({ name, kind: 'numeric', values: Float64Array.from(v) });

function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
}

describe('modelMatrix (as R model.matrix)', () => {
  it('names columns as R: treatment contrasts, interactions with the first factor varying fastest', () => {
    const a = fac('a', ['p', 'q', 'r'], [0, 1, 2, 0, 1, 2]);
    const b = fac('b', ['u', 'v'], [0, 0, 0, 1, 1, 1]);
    const x = numv('x', [1, 2, 3, 4, 5, 6]);
    const d = modelMatrix([a, b, x], [['a'], ['b'], ['x'], ['a', 'b'], ['a', 'x']]);
    // R: colnames(model.matrix(~ a * b + a:x)) with x after b
    expect(d.colnames).toEqual(['(Intercept)', 'aq', 'ar', 'bv', 'x', 'aq:bv', 'ar:bv', 'ap:x', 'aq:x', 'ar:x'].filter((c) => c !== 'ap:x'));
    expect(Array.from(d.assign)).toEqual([0, 1, 1, 2, 3, 4, 4, 5, 5]);
  });
  it('sum contrasts name columns a1, a2 and code the last level -1', () => {
    const a = fac('a', ['p', 'q', 'r'], [0, 1, 2], 'sum');
    const d = modelMatrix([a], [['a']]);
    expect(d.colnames).toEqual(['(Intercept)', 'a1', 'a2']);
    expect(Array.from(d.cols[1])).toEqual([1, 0, -1]);
    expect(Array.from(d.cols[2])).toEqual([0, 1, -1]);
  });
});

describe('lmFit', () => {
  const n = 2000;
  const r = lcg(7);
  const x1 = Array.from({ length: n }, () => r());
  const x2 = Array.from({ length: n }, () => 1e4 + r()); // large offset: ill-conditioned normal equations
  const g = Array.from({ length: n }, (_, i) => i % 3);
  const y = Float64Array.from(x1, (v, i) => 1 + 2 * v - 3 * (x2[i] - 1e4) + (g[i] === 1 ? 0.5 : 0) + r());
  const vars = [numv('x1', x1), numv('x2', x2), fac('g', ['a', 'b', 'c'], g)];
  const d = modelMatrix(vars, [['x1'], ['x2'], ['g']]);

  it('QR and Cholesky (centred, refined) agree', () => {
    const q = lmFit(d, y, { method: 'qr' });
    const c = lmFit(d, y, { method: 'cholesky' });
    expect(q.method).toBe('qr');
    expect(c.method).toBe('cholesky');
    for (let j = 0; j < d.p; j++) expect(Math.abs(c.coef[j] - q.coef[j])).toBeLessThan(1e-8 * Math.max(1, Math.abs(q.coef[j])));
    for (let j = 0; j < d.p * d.p; j++) expect(Math.abs(c.covUnscaled[j] - q.covUnscaled[j])).toBeLessThan(1e-7 * Math.max(1e-12, Math.abs(q.covUnscaled[j])) + 1e-12);
    const sq = sequentialSS(d, q);
    const sc = sequentialSS(d, c);
    sq.forEach((row, i) => expect(sc[i].sumsq).toBeCloseTo(row.sumsq, 6));
    expect(c.rss).toBeCloseTo(q.rss, 8);
  });

  it('aliased columns get NaN, in both solvers, as R (the later column is dropped)', () => {
    const x3 = x1.map((v, i) => 2 * v - x2[i]);
    const da = modelMatrix([...vars, numv('x3', x3)], [['x1'], ['x2'], ['x3'], ['g']]);
    for (const method of ['qr', 'cholesky'] as const) {
      const f = lmFit(da, y, { method });
      expect(f.aliased).toEqual([false, false, false, true, false, false]);
      expect(f.rank).toBe(5);
      expect(Number.isNaN(f.coef[3])).toBe(true);
    }
  });

  it('type II equals type I for the last term; type III includes the intercept', () => {
    const f = lmFit(d, y);
    const s1 = sequentialSS(d, f);
    const s2 = typeIISS(d, f);
    expect(s2[2].sumsq).toBeCloseTo(s1[2].sumsq, 6);
    const s3 = typeIIISS(d, f);
    expect(s3[0].term).toBe('(Intercept)');
    expect(s3.length).toBe(4);
  });

  it('leverages sum to the rank; VIF of orthogonal-ish predictors is near 1', () => {
    const f = lmFit(d, y);
    const h = leverage(d, f);
    expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(f.rank, 8);
    const v = gvif(d, f);
    expect(v.map((t) => t.term)).toEqual(['x1', 'x2', 'g']);
    for (const t of v) expect(t.gvif).toBeLessThan(1.1);
  });
});

describe('large-n kernels', () => {
  it('gramAccumulate: the upper triangle of C\'C for an even number of columns', () => {
    const r = lcg(3);
    const k = 6;
    const rows = 37;
    const stride = 40;
    const chunk = Float64Array.from({ length: k * stride }, () => r());
    const G = new Float64Array(k * k);
    gramAccumulate(chunk, stride, rows, k, G);
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let t = 0; t < rows; t++) s += chunk[a * stride + t] * chunk[b * stride + t];
        if (b >= a) expect(G[a * k + b]).toBeCloseTo(s, 12);
        else expect(G[a * k + b]).toBe(0);
      }
  });

  it('Cholesky agrees with QR with and without the refinement step (collinear and well-conditioned designs)', () => {
    const n = 5000;
    const r = lcg(11);
    const x1 = Array.from({ length: n }, () => r());
    const x2 = Array.from({ length: n }, () => r());
    for (const eps of [1, 1e-4]) {
      // eps = 1e-4: x3 nearly x1 (a pivot near 1e-8 of its diagonal), so the solution is refined
      const x3 = x1.map((v) => v + eps * r());
      const y = Float64Array.from(x1, (v, i) => 1 + v - 2 * x2[i] + 0.5 * x3[i] + r());
      const d = modelMatrix([numv('x1', x1), numv('x2', x2), numv('x3', x3)], [['x1'], ['x2'], ['x3']]);
      const q = lmFit(d, y, { method: 'qr' });
      const c = lmFit(d, y, { method: 'cholesky' });
      expect(c.method).toBe('cholesky');
      for (let j = 0; j < d.p; j++) expect(Math.abs(c.coef[j] - q.coef[j])).toBeLessThan(1e-9 * Math.max(1, Math.abs(q.coef[j])));
      expect(Math.abs(c.rss / q.rss - 1)).toBeLessThan(1e-12);
      // leverages of chosen rows only equal those of all rows
      const rows = [0, 17, 4999];
      const h = leverage(d, c);
      const hr = leverageAt(d, c, rows);
      rows.forEach((i, k) => expect(hr[k]).toBeCloseTo(h[i], 14));
    }
  });
});
