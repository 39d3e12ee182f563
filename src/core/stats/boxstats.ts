/**
 * Box-plot statistics as R's boxplot.stats(coef = 1.5): Tukey's five-number summary (fivenum
 * hinges, not type-7 quartiles), whiskers at the most extreme values within 1.5 IQR of the
 * hinges, and the values beyond them as outliers. Figures draw from these numbers, so a box
 * plot of a million values ships five numbers per group instead of the data.
 */
import { sorted } from './descriptive';

export interface BoxStats {
  n: number;
  /** lower whisker, lower hinge, median, upper hinge, upper whisker */
  stats: [number, number, number, number, number];
  /** Values beyond the whiskers, ascending. */
  out: number[];
}

/** R's fivenum() on ascending, finite values (n >= 1). */
export function fivenum(s: Float64Array): [number, number, number, number, number] {
  const n = s.length;
  const n4 = Math.floor((n + 3) / 2) / 2;
  const d = [1, n4, (n + 1) / 2, n + 1 - n4, n];
  return d.map((k) => 0.5 * (s[Math.floor(k) - 1] + s[Math.ceil(k) - 1])) as [number, number, number, number, number];
}

/** boxplot.stats of the finite values of x; null when there are none. */
export function boxStats(x: ArrayLike<number>, coef = 1.5): BoxStats | null {
  const finite: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) finite.push(x[i]);
  if (finite.length === 0) return null;
  const s = sorted(finite);
  const stats = fivenum(s);
  const iqr = stats[3] - stats[1];
  const lo = stats[1] - coef * iqr;
  const hi = stats[3] + coef * iqr;
  const out: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of s) {
    if (v < lo || v > hi) out.push(v);
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (out.length > 0) {
    stats[0] = min;
    stats[4] = max;
  }
  return { n: s.length, stats, out };
}
