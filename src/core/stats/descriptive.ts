/**
 * Descriptive statistics kernels. Inputs are arrays of finite numbers (callers drop
 * missing values first). Each function returns NaN when the statistic is undefined
 * (e.g. the variance of fewer than two values); callers turn NaN into null.
 */
import { sortNumeric } from './rank';

export type Numbers = ArrayLike<number>;

/** Neumaier-compensated sum. */
export function sum(x: Numbers): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Arithmetic mean in two passes, as R's mean(): a first (compensated) estimate, then
 * the mean of the residuals from it is added as a correction.
 */
export function mean(x: Numbers): number {
  const n = x.length;
  if (n === 0) return NaN;
  const m0 = sum(x) / n;
  if (!Number.isFinite(m0)) return m0;
  let r = 0;
  for (let i = 0; i < n; i++) r += x[i] - m0;
  return m0 + r / n;
}

/** Central moment sums sum((x - m)^k) for k = 2, 3, 4 around the mean m. */
function centralSums(x: Numbers, m: number): { s2: number; s3: number; s4: number } {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { s2, s3, s4 };
}

/** Sample variance with denominator n - 1 (R's var). NaN when n < 2. */
export function variance(x: Numbers): number {
  const n = x.length;
  if (n < 2) return NaN;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    s += d * d;
  }
  return s / (n - 1);
}

/** Sample standard deviation (R's sd). NaN when n < 2. */
export function sd(x: Numbers): number {
  return Math.sqrt(variance(x));
}

/** Standard error of the mean, sd / sqrt(n). */
export function seMean(x: Numbers): number {
  return sd(x) / Math.sqrt(x.length);
}

/** A sorted copy (ascending) as a Float64Array. */
export function sorted(x: Numbers): Float64Array {
  return sortNumeric(Float64Array.from(x as ArrayLike<number>));
}

/**
 * Quantile of type 7 (R's default quantile(x, p, type = 7)) of an ascending sorted array:
 * with h = (n - 1) p, the value x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)]),
 * weighted as R does ((1 - f) x_lo + f x_hi, and x_lo itself when the two are equal).
 */
export function quantileSorted(s: Numbers, p: number): number {
  const n = s.length;
  if (n === 0 || Number.isNaN(p)) return NaN;
  const q = Math.max(0, Math.min(1, p));
  const index = (n - 1) * q; // zero-based
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const xlo = s[lo];
  const xhi = s[hi];
  if (index > lo && xhi !== xlo) {
    const h = index - lo;
    return (1 - h) * xlo + h * xhi;
  }
  return xlo;
}

/** Type-7 quantile of unsorted data. */
export function quantile(x: Numbers, p: number): number {
  return quantileSorted(sorted(x), p);
}

/** Median (R's median). */
export function median(x: Numbers): number {
  return quantile(x, 0.5);
}

/** Interquartile range Q3 - Q1 with type-7 quartiles (R's IQR). */
export function iqr(x: Numbers): number {
  const s = sorted(x);
  return quantileSorted(s, 0.75) - quantileSorted(s, 0.25);
}

export function min(x: Numbers): number {
  if (x.length === 0) return NaN;
  let m = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < m) m = x[i];
  return m;
}

export function max(x: Numbers): number {
  if (x.length === 0) return NaN;
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  return m;
}

/**
 * Sample skewness G1, the sample-adjusted estimator reported by SAS and SPSS
 * (type 2 of R's e1071::skewness; Joanes & Gill 1998):
 *   g1 = m3 / m2^(3/2) with m_k = sum((x - mean)^k) / n,  G1 = g1 * sqrt(n (n - 1)) / (n - 2).
 * NaN when n < 3 or the data are constant.
 */
export function skewness(x: Numbers): number {
  const n = x.length;
  if (n < 3) return NaN;
  const { s2, s3 } = centralSums(x, mean(x));
  const m2 = s2 / n;
  const m3 = s3 / n;
  if (!(m2 > 0)) return NaN;
  const g1 = m3 / Math.pow(m2, 1.5);
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample excess kurtosis G2, the sample-adjusted estimator reported by SAS and SPSS
 * (type 2 of R's e1071::kurtosis; Joanes & Gill 1998):
 *   g2 = m4 / m2^2 - 3,  G2 = ((n + 1) g2 + 6) (n - 1) / ((n - 2) (n - 3)).
 * NaN when n < 4 or the data are constant.
 */
export function kurtosis(x: Numbers): number {
  const n = x.length;
  if (n < 4) return NaN;
  const { s2, s4 } = centralSums(x, mean(x));
  const m2 = s2 / n;
  const m4 = s4 / n;
  if (!(m2 > 0)) return NaN;
  const g2 = m4 / (m2 * m2) - 3;
  return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/** True when all values are equal (or fewer than two values). */
export function isConstant(x: Numbers): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

/** Drops NaN (missing) values. */
export function dropNaN(x: Numbers): Float64Array {
  let k = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) k++;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) out[k++] = x[i];
  return out;
}

/** NaN or ±Infinity -> null, for result tables (RESULTS.md: missing is null, never NaN). */
export function nullIfNaN(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
