/**
 * The chi-square test for trend in proportions (Cochran–Armitage), as R's prop.trend.test(x, n,
 * score): the regression sum of squares of the weighted least-squares fit of x/n on the score
 * with weights n / (p (1 - p)), p the pooled proportion. Also returns that fit's slope.
 */
import { chisqUpper } from './distributions';

export interface TrendResult {
  statistic: number;
  df: number;
  p_value: number;
  /** Slope of the weighted regression of the proportion on the score (change in proportion per unit score). */
  estimate: number;
}

export function propTrendTest(x: ArrayLike<number>, n: ArrayLike<number>, score: ArrayLike<number>): TrendResult {
  const k = x.length;
  let sx = 0;
  let sn = 0;
  for (let i = 0; i < k; i++) {
    sx += x[i];
    sn += n[i];
  }
  const p = sx / sn;
  const q = p * (1 - p);
  // weighted means with w_i = n_i / q (the constant q cancels in the means)
  let sw = 0;
  let ms = 0;
  let mf = 0;
  for (let i = 0; i < k; i++) {
    const w = n[i] / q;
    sw += w;
    ms += w * score[i];
    mf += w * (x[i] / n[i]);
  }
  ms /= sw;
  mf /= sw;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    const w = n[i] / q;
    const ds = score[i] - ms;
    sxy += w * ds * (x[i] / n[i] - mf);
    sxx += w * ds * ds;
  }
  const statistic = (sxy * sxy) / sxx;
  return { statistic, df: 1, p_value: chisqUpper(statistic, 1), estimate: sxy / sxx };
}
