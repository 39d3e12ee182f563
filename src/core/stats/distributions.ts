/**
 * Distribution functions: t, normal, F and chi-square (all through @stdlib, which matches R to
 * about 1e-15; jStat's incomplete beta was 1e-8 off in the F tail).
 *
 * Upper tails are computed directly (by symmetry for t and normal, as the upper regularised
 * incomplete beta / gamma for F and chi-square), never as 1 - cdf, so that small p-values keep
 * their relative precision, as R's p*(..., lower.tail = FALSE) does.
 */
import tCdfRaw from '@stdlib/stats-base-dists-t-cdf';
import tQuantileRaw from '@stdlib/stats-base-dists-t-quantile';
import normalCdfRaw from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileRaw from '@stdlib/stats-base-dists-normal-quantile';
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import chisqQuantileRaw from '@stdlib/stats-base-dists-chisquare-quantile';
import fQuantileRaw from '@stdlib/stats-base-dists-f-quantile';

export type Alternative = 'two.sided' | 'less' | 'greater';

/** P(T <= x) for Student's t with `df` degrees of freedom (df = Infinity gives the normal). */
export function tCdf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || df <= 0) return NaN;
  if (df === Infinity) return normalCdf(x);
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return tCdfRaw(x, df);
}

/** P(T > x), computed as P(T <= -x) by symmetry (no cancellation). */
export function tUpper(x: number, df: number): number {
  return tCdf(-x, df);
}

/** The p-quantile of Student's t (R's qt(p, df)). */
export function tQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || df <= 0 || p < 0 || p > 1) return NaN;
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  return tQuantileRaw(p, df);
}

/** Standard normal P(Z <= x). */
export function normalCdf(x: number): number {
  return normalCdfRaw(x, 0, 1);
}

/** Standard normal P(Z > x), computed as P(Z <= -x). */
export function normalUpper(x: number): number {
  return normalCdfRaw(-x, 0, 1);
}

/**
 * The p-quantile of the standard normal (R's qnorm(p)). stdlib's quantile loses accuracy
 * far in the tails (relative error ~1e-6 at p = 1e-12), so two Newton steps on the
 * (accurate, erfc-based) cdf refine it; in the upper half the lower tail of 1 - p is used.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  let x = normalQuantileRaw(p, 0, 1);
  for (let i = 0; i < 2; i++) {
    const dens = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    if (!(dens > 0)) break;
    // residual taken in the smaller tail for precision
    const r = x < 0 ? normalCdf(x) - p : (1 - p) - normalUpper(x);
    const step = r / dens;
    if (!Number.isFinite(step)) break;
    x -= step;
  }
  return x;
}

/** p-value of a t statistic for the given alternative, as R's t.test. */
export function tPValue(t: number, df: number, alternative: Alternative = 'two.sided'): number {
  if (alternative === 'less') return tCdf(t, df);
  if (alternative === 'greater') return tUpper(t, df);
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** p-value of a z statistic for the given alternative. */
export function zPValue(z: number, alternative: Alternative = 'two.sided'): number {
  if (alternative === 'less') return normalCdf(z);
  if (alternative === 'greater') return normalUpper(z);
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** F distribution P(F <= x) with df1, df2 (R's pf). */
export function fCdf(x: number, df1: number, df2: number): number {
  if (Number.isNaN(x) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  // P(F <= x) = I_{d1 x / (d1 x + d2)}(d1/2, d2/2)
  return betainc((df1 * x) / (df1 * x + df2), df1 / 2, df2 / 2, true, false);
}

/** F distribution P(F > x), computed directly as I_{d2 / (d2 + d1 x)}(d2/2, d1/2). */
export function fUpper(x: number, df1: number, df2: number): number {
  if (Number.isNaN(x) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return betainc(df2 / (df2 + df1 * x), df2 / 2, df1 / 2, true, false);
}

/** The p-quantile of F (R's qf). */
export function fQuantile(p: number, df1: number, df2: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df1 > 0) || !(df2 > 0)) return NaN;
  return fQuantileRaw(p, df1, df2);
}

/** Chi-square P(X <= x) with `df` degrees of freedom (R's pchisq). */
export function chisqCdf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return gammainc(x / 2, df / 2, true, false);
}

/** Chi-square P(X > x), the upper regularised incomplete gamma (R's pchisq(x, df, lower.tail = FALSE)). */
export function chisqUpper(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/** The p-quantile of chi-square (R's qchisq). */
export function chisqQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  return chisqQuantileRaw(p, df);
}
