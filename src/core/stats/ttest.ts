/**
 * Student's t-tests as R's t.test: one sample (and paired, as the one-sample test of the
 * differences), two independent samples (Welch or pooled), and var.test's F test.
 * p-values from @stdlib's t distribution with upper tails computed directly.
 */
import { fCdf, fUpper, tPValue, tQuantile, type Alternative } from './distributions';
import { mean, nullIfNaN, variance } from './descriptive';

const DBL_EPSILON = 2.220446049250313e-16;

export interface TTestResult {
  estimate: number;
  estimate1: number;
  estimate2: number;
  statistic: number | null;
  p_value: number | null;
  df: number;
  conf_low: number | null;
  conf_high: number | null;
  std_error: number;
  method: string;
  alternative: Alternative;
}

/** The confidence interval of R's t.test around statistic t (in standard-error units). */
function tInterval(t: number, df: number, alternative: Alternative, confLevel: number): [number, number] {
  if (alternative === 'less') return [-Infinity, t + tQuantile(confLevel, df)];
  if (alternative === 'greater') return [t - tQuantile(confLevel, df), Infinity];
  const q = tQuantile(1 - (1 - confLevel) / 2, df);
  return [t - q, t + q];
}

/** R's t.test(x, y, var.equal, alternative, conf.level, mu) for two independent samples. */
export function tTest2(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  varEqual: boolean,
  alternative: Alternative,
  confLevel: number,
  mu: number,
): TTestResult {
  const nx = x.length;
  const ny = y.length;
  const mx = mean(x);
  const my = mean(y);
  const vx = variance(x);
  const vy = variance(y);
  let df: number;
  let stderr: number;
  if (varEqual) {
    df = nx + ny - 2;
    let v = 0;
    if (nx > 1) v += (nx - 1) * vx;
    if (ny > 1) v += (ny - 1) * vy;
    v /= df;
    stderr = Math.sqrt(v * (1 / nx + 1 / ny));
  } else {
    const sx2 = vx / nx;
    const sy2 = vy / ny;
    stderr = Math.sqrt(sx2 + sy2);
    df = stderr ** 4 / ((sx2 * sx2) / (nx - 1) + (sy2 * sy2) / (ny - 1));
  }
  // R's htest says " Two Sample t-test" (leading space from paste(NULL, ...)); broom::tidy() trims it, and tidy follows broom.
  const method = varEqual ? 'Two Sample t-test' : 'Welch Two Sample t-test';
  const base = { estimate: mx - my, estimate1: mx, estimate2: my, df, std_error: stderr, method, alternative };
  // R stops with "data are essentially constant" here; we report the statistic as undefined.
  if (!(stderr >= 10 * DBL_EPSILON * Math.max(Math.abs(mx), Math.abs(my))) || !Number.isFinite(df)) {
    return { ...base, df: nullIfNaN(df) as number, statistic: null, p_value: null, conf_low: null, conf_high: null };
  }
  const t = (mx - my - mu) / stderr;
  const p = tPValue(t, df, alternative);
  const [lo, hi] = tInterval(t, df, alternative, confLevel);
  return {
    ...base,
    statistic: t,
    p_value: p,
    conf_low: nullIfNaN(mu + lo * stderr),
    conf_high: nullIfNaN(mu + hi * stderr),
  };
}

export interface TTest1Result {
  /** Mean of x (one sample) or of the differences (paired). */
  estimate: number;
  statistic: number | null;
  p_value: number | null;
  df: number;
  conf_low: number | null;
  conf_high: number | null;
  std_error: number;
  method: string;
  alternative: Alternative;
  n: number;
}

/**
 * R's t.test(x, mu, alternative, conf.level): the one-sample t-test. For the paired test pass
 * the differences x − y and `paired = true` (R's t.test(x, y, paired = TRUE) does exactly this).
 * statistic, p-value and interval are null where R stops ("data are essentially constant") or
 * when n < 2 ("not enough 'x' observations").
 */
export function tTest1(x: ArrayLike<number>, alternative: Alternative, confLevel: number, mu: number, paired = false): TTest1Result {
  const n = x.length;
  const mx = mean(x);
  const df = n - 1;
  const stderr = Math.sqrt(variance(x) / n);
  const base = { estimate: mx, df, std_error: stderr, method: paired ? 'Paired t-test' : 'One Sample t-test', alternative, n };
  if (n < 2 || !(stderr > 0) || !(stderr >= 10 * DBL_EPSILON * Math.abs(mx))) {
    return { ...base, std_error: nullIfNaN(stderr) as number, statistic: null, p_value: null, conf_low: null, conf_high: null };
  }
  const t = (mx - mu) / stderr;
  const p = tPValue(t, df, alternative);
  const [lo, hi] = tInterval(t, df, alternative, confLevel);
  return { ...base, statistic: t, p_value: p, conf_low: nullIfNaN(mu + lo * stderr), conf_high: nullIfNaN(mu + hi * stderr) };
}

/** R's var.test(x, y) (two-sided F test of the ratio of variances). */
export function varTest(x: ArrayLike<number>, y: ArrayLike<number>): { statistic: number; df: number; df_denom: number; p_value: number } | null {
  const dfx = x.length - 1;
  const dfy = y.length - 1;
  if (dfx < 1 || dfy < 1) return null;
  const f = variance(x) / variance(y);
  if (!Number.isFinite(f)) return null;
  // 2 * min(P(F <= f), P(F > f)), each tail computed directly
  const p = Math.min(1, 2 * Math.min(fCdf(f, dfx, dfy), fUpper(f, dfx, dfy)));
  return { statistic: f, df: dfx, df_denom: dfy, p_value: p };
}
