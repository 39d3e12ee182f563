/**
 * Pearson and Spearman correlation tests as R's cor.test, and partial correlation by
 * regression residuals (equal to ppcor::pcor.test's estimate from the inverse covariance).
 */
import { mean } from './descriptive';
import { normalQuantile, tCdf, tUpper, type Alternative } from './distributions';
import { rankAverage } from './rank';
import { prho } from './spearman-exact';

/** Pearson's r of two equally long arrays of finite numbers (NaN when either is constant). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

function tP(t: number, df: number, alternative: Alternative): number {
  if (alternative === 'less') return tCdf(t, df);
  if (alternative === 'greater') return tUpper(t, df);
  return 2 * Math.min(tCdf(t, df), tUpper(t, df));
}

export interface PearsonTest {
  estimate: number | null;
  statistic: number | null;
  df: number;
  p_value: number | null;
  conf_low: number | null;
  conf_high: number | null;
  n: number;
}

/** R's cor.test(x, y, method = "pearson", alternative, conf.level): t test and Fisher-z interval (n > 3). */
export function pearsonTest(x: ArrayLike<number>, y: ArrayLike<number>, alternative: Alternative = 'two.sided', confLevel = 0.95): PearsonTest {
  const n = x.length;
  const df = n - 2;
  const r = pearson(x, y);
  if (!Number.isFinite(r)) return { estimate: null, statistic: null, df, p_value: null, conf_low: null, conf_high: null, n };
  const t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r); // ±Infinity when |r| = 1, as R
  const p = tP(t, df, alternative);
  let lo: number | null = null;
  let hi: number | null = null;
  if (n > 3) {
    const z = Math.atanh(r);
    const sigma = 1 / Math.sqrt(n - 3);
    if (alternative === 'less') {
      lo = -1;
      hi = Math.tanh(z + sigma * normalQuantile(confLevel));
    } else if (alternative === 'greater') {
      lo = Math.tanh(z - sigma * normalQuantile(confLevel));
      hi = 1;
    } else {
      const q = normalQuantile((1 + confLevel) / 2);
      lo = Math.tanh(z - sigma * q);
      hi = Math.tanh(z + sigma * q);
    }
  }
  return { estimate: r, statistic: Number.isFinite(t) ? t : null, df, p_value: p, conf_low: lo, conf_high: hi, n };
}

export interface SpearmanTest {
  estimate: number | null;
  statistic: number | null;
  p_value: number | null;
  exact: boolean;
  ties: boolean;
  n: number;
  /** why an exact p-value was asked for but not computed */
  exactRefused: 'ties' | null;
}

/**
 * R's cor.test(x, y, method = "spearman", alternative, exact, continuity): rho = cor(rank x,
 * rank y), S = (n³ − n)(1 − rho)/6, p from AS 89 (exact for n ≤ 9, Edgeworth series up to
 * n = 1290) without ties, else from the t approximation. `exact` null = R's default (TRUE).
 */
export function spearmanTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  alternative: Alternative = 'two.sided',
  exact: boolean | null = null,
  continuity = false,
): SpearmanTest {
  const n = x.length;
  const rx = rankAverage(x);
  const ry = rankAverage(y);
  const ties = rx.ties.length > 0 || ry.ties.length > 0;
  const r = pearson(rx.ranks, ry.ranks);
  if (!Number.isFinite(r)) return { estimate: null, statistic: null, p_value: null, exact: false, ties, n, exactRefused: null };
  let ex = exact === null ? true : exact;
  const q = ((n * n * n - n) * (1 - r)) / 6;
  let refused: 'ties' | null = null;
  if (ties && ex) {
    ex = false;
    refused = 'ties';
  }
  const useExact = ex && n <= 1290;
  const pspearman = (qq: number, lower: boolean): number => {
    if (useExact) return prho(n, Math.round(qq) + 2 * (lower ? 1 : 0), lower);
    let den = (n * (n * n - 1)) / 6;
    if (continuity) den += 1;
    const rr = 1 - qq / den;
    const t = rr / Math.sqrt((1 - rr * rr) / (n - 2));
    return lower ? tUpper(t, n - 2) : tCdf(t, n - 2);
  };
  let p: number;
  if (alternative === 'two.sided') {
    const pp = q > (n * n * n - n) / 6 ? pspearman(q, false) : pspearman(q, true);
    p = Math.min(2 * pp, 1);
  } else if (alternative === 'greater') p = pspearman(q, true);
  else p = pspearman(q, false);
  return { estimate: r, statistic: q, p_value: p, exact: useExact, ties, n, exactRefused: refused };
}

/**
 * Residuals of each column of `ys` after least-squares regression on an intercept and the
 * columns of `zs` (modified Gram–Schmidt, numerically as stable as QR). Collinear covariates
 * (a column whose residual norm is ≤ 1e-10 of its original norm) are skipped; `rank` counts
 * the covariates used.
 */
export function residualize(ys: Float64Array[], zs: Float64Array[]): { residuals: Float64Array[]; rank: number } {
  const n = ys.length ? ys[0].length : zs.length ? zs[0].length : 0;
  const basis: Float64Array[] = [];
  const one = new Float64Array(n).fill(1 / Math.sqrt(n));
  basis.push(one);
  const project = (v: Float64Array) => {
    for (const q of basis) {
      let d = 0;
      for (let i = 0; i < n; i++) d += q[i] * v[i];
      for (let i = 0; i < n; i++) v[i] -= d * q[i];
    }
  };
  let rank = 0;
  for (const z of zs) {
    const v = Float64Array.from(z);
    let n0 = 0;
    for (let i = 0; i < n; i++) n0 += v[i] * v[i];
    project(v);
    project(v); // re-orthogonalise once
    let nn = 0;
    for (let i = 0; i < n; i++) nn += v[i] * v[i];
    if (!(nn > 1e-20 * n0) || nn === 0) continue;
    const s = Math.sqrt(nn);
    for (let i = 0; i < n; i++) v[i] /= s;
    basis.push(v);
    rank++;
  }
  const residuals = ys.map((y) => {
    const v = Float64Array.from(y);
    project(v);
    project(v);
    return v;
  });
  return { residuals, rank };
}

export interface PartialTest {
  estimate: number | null;
  statistic: number | null;
  p_value: number | null;
  n: number;
  gp: number;
}

/**
 * Partial correlation of x and y given z (ppcor::pcor.test): r of the residuals of x and y on
 * z (ranks of all variables for Spearman), t = r √((n − 2 − gp)/(1 − r²)), two-sided p from
 * t with n − 2 − gp df.
 */
export function partialTest(x: Float64Array, y: Float64Array, zs: Float64Array[], method: 'pearson' | 'spearman'): PartialTest {
  const n = x.length;
  const gp = zs.length;
  let xx = x, yy = y, zz = zs;
  if (method === 'spearman') {
    xx = rankAverage(x).ranks;
    yy = rankAverage(y).ranks;
    zz = zs.map((z) => rankAverage(z).ranks);
  }
  const { residuals } = residualize([xx, yy], zz);
  // pearson() of residuals: their means are 0 up to rounding, as in ppcor's cov2cor(solve(cov))
  const r = pearson(residuals[0], residuals[1]);
  const df = n - 2 - gp;
  if (!Number.isFinite(r) || df < 1) return { estimate: Number.isFinite(r) ? r : null, statistic: null, p_value: null, n, gp };
  const t = r * Math.sqrt(df / (1 - r * r));
  const p = 2 * tCdf(-Math.abs(t), df);
  return { estimate: r, statistic: Number.isFinite(t) ? t : null, p_value: p, n, gp };
}
