/**
 * The G-rho family of tests as R's survdiff(Surv(time, event) ~ group, rho): weights
 * S(t-)^rho from the pooled Kaplan–Meier (rho = 0 log-rank, rho = 1 Peto–Peto), chi-square
 * from the observed − expected of groups 2..k and their covariance.
 */
import { Matrix, solve } from 'ml-matrix';
import { chisqUpper } from '../distributions';
import { tabulate } from './tabulate';

export interface SurvdiffResult {
  n: number[];
  observed: number[];
  expected: number[];
  /** k × k covariance of O − E. */
  variance: number[][];
  statistic: number;
  df: number;
  p_value: number;
}

export function survdiff(time: Float64Array, event: Uint8Array, group: Int32Array, k: number, rho = 0): SurvdiffResult {
  const tab = tabulate(time, event, group, k);
  const m = tab.times.length;
  const obs = new Float64Array(k);
  const exp = new Float64Array(k);
  const V = Array.from({ length: k }, () => new Float64Array(k));
  const nRisk = Float64Array.from(tab.n);
  let km = 1;
  for (let j = 0; j < m; j++) {
    let d = 0;
    let c = 0;
    let n = 0;
    for (let g = 0; g < k; g++) {
      d += tab.d[g * m + j];
      c += tab.c[g * m + j];
      n += nRisk[g];
    }
    if (d > 0) {
      const w = rho === 0 ? 1 : Math.pow(km, rho);
      for (let g = 0; g < k; g++) {
        obs[g] += w * tab.d[g * m + j];
        exp[g] += (w * d * nRisk[g]) / n;
      }
      if (n > 1) {
        const f = (w * w * d * (n - d)) / (n * (n - 1));
        for (let a = 0; a < k; a++) {
          const pa = nRisk[a];
          if (pa === 0) continue;
          V[a][a] += (f * pa * (n - pa)) / n;
          for (let b = a + 1; b < k; b++) {
            const v = (f * pa * nRisk[b]) / n;
            V[a][b] -= v;
            V[b][a] -= v;
          }
        }
      }
      km *= (n - d) / n;
    }
    for (let g = 0; g < k; g++) nRisk[g] -= tab.d[g * m + j] + tab.c[g * m + j];
    void c;
  }
  // as survdiff: drop the first group; solve (generalised inverse when singular)
  const idx: number[] = [];
  for (let g = 0; g < k; g++) if (exp[g] > 0) idx.push(g);
  idx.shift();
  let stat = 0;
  if (idx.length) {
    const vv = new Matrix(idx.map((a) => idx.map((b) => V[a][b])));
    const oe = Matrix.columnVector(idx.map((g) => obs[g] - exp[g]));
    const x = solve(vv, oe);
    for (let i = 0; i < idx.length; i++) stat += x.get(i, 0) * oe.get(i, 0);
  }
  let df = -1;
  for (let g = 0; g < k; g++) if (exp[g] > 0) df++;
  return {
    n: Array.from(tab.n),
    observed: Array.from(obs),
    expected: Array.from(exp),
    variance: V.map((r) => Array.from(r)),
    statistic: stat,
    df,
    p_value: df > 0 ? chisqUpper(stat, df) : NaN,
  };
}
