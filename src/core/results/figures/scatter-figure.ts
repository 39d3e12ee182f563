/**
 * Scatter plot of y against x, deterministically thinned to at most 3,000 points, with the
 * least-squares line; optionally by group and with the line's confidence band as ggplot2's
 * geom_smooth(method = "lm"): predict(lm(y ~ x), interval = "confidence") at 80 points over the
 * range of x. Used by the pairwise correlations and chart.scatter.
 */
import { mean } from '../../stats/descriptive';
import { tQuantile } from '../../stats/distributions';
import { seqLength } from '../../stats/pretty';
import type { ResultFigure } from '../types';

/** Up to this many points are drawn; beyond it every k-th row (deterministic stride). */
export const MAX_SCATTER_POINTS = 3000;
/** Points along the fitted line (ggplot2's stat_smooth n = 80). */
export const FIT_POINTS = 80;

export interface LmLine {
  n: number;
  intercept: number;
  slope: number;
  /** Residual standard error (NaN when n <= 2). */
  sigma: number;
  /** x grid and the fit with its confidence limits (NaN limits when n <= 2). */
  x: number[];
  fit: number[];
  lower: number[];
  upper: number[];
}

/**
 * Simple linear regression of y on x and predict(fit, data.frame(x = grid), interval =
 * "confidence", level) on seq(min(x), max(x), length.out = points). Null when x is constant or
 * there are fewer than 2 points.
 */
export function lmLine(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95, points = FIT_POINTS): LmLine | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    if (x[i] < lo) lo = x[i];
    if (x[i] > hi) hi = x[i];
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - intercept - slope * x[i]) ** 2;
  const df = n - 2;
  const sigma = df > 0 ? Math.sqrt(rss / df) : NaN;
  const q = df > 0 ? tQuantile(1 - (1 - level) / 2, df) : NaN;
  const grid = seqLength(lo, hi, points);
  const fit: number[] = [], lower: number[] = [], upper: number[] = [];
  for (const g of grid) {
    const f = intercept + slope * g;
    const se = sigma * Math.sqrt(1 / n + (g - mx) ** 2 / sxx);
    fit.push(f);
    lower.push(f - q * se);
    upper.push(f + q * se);
  }
  return { n, intercept, slope, sigma, x: grid, fit, lower, upper };
}

export interface ScatterOptions {
  /** Group of each row (index into `levels`; -1 = not drawn). */
  group?: { name: string; levels: string[]; codes: ArrayLike<number> };
  /** Draw the confidence band of the line(s) (geom_smooth(method = "lm")). Default false. */
  band?: boolean;
  confLevel?: number;
  id?: string;
}

export function scatterFigure(x: ArrayLike<number>, y: ArrayLike<number>, xName: string, yName: string, o: ScatterOptions = {}): ResultFigure {
  const n = x.length;
  const step = n > MAX_SCATTER_POINTS ? Math.ceil(n / MAX_SCATTER_POINTS) : 1;
  const g = o.group;
  const points: Record<string, number | string>[] = [];
  for (let i = 0; i < n; i += step) {
    if (g && g.codes[i] < 0) continue;
    points.push(g ? { x: x[i], y: y[i], group: g.levels[g.codes[i]] } : { x: x[i], y: y[i] });
  }
  const line: Record<string, number | string>[] = [];
  const fits: { level: string | null; fit: LmLine | null }[] = [];
  if (g) {
    g.levels.forEach((lv, j) => {
      const xs: number[] = [], ys: number[] = [];
      for (let i = 0; i < n; i++) if (g.codes[i] === j) (xs.push(x[i]), ys.push(y[i]));
      fits.push({ level: lv, fit: lmLine(xs, ys, o.confLevel ?? 0.95, o.band ? FIT_POINTS : 2) });
    });
  } else fits.push({ level: null, fit: lmLine(x, y, o.confLevel ?? 0.95, o.band ? FIT_POINTS : 2) });
  for (const { level, fit } of fits) {
    if (!fit) continue;
    fit.x.forEach((xv, k) => {
      const r: Record<string, number | string> = { x: xv, y: fit.fit[k] };
      if (o.band && Number.isFinite(fit.lower[k])) (r.lower = fit.lower[k]), (r.upper = fit.upper[k]);
      if (level !== null) r.group = level;
      line.push(r);
    });
  }
  const enc = {
    x: { field: 'x', type: 'quantitative', title: xName, scale: { zero: false } },
    y: { field: 'y', type: 'quantitative', title: yName, scale: { zero: false } },
  };
  const color = g ? { color: { field: 'group', type: 'nominal', title: g.name, sort: g.levels } } : {};
  const pct = `${Math.round((o.confLevel ?? 0.95) * 1000) / 10}%`;
  const layer: Record<string, unknown>[] = [
    { data: { values: points }, mark: { type: 'point', filled: true, opacity: step > 1 ? 0.35 : 0.7, size: step > 1 ? 12 : 40 }, encoding: { ...enc, ...color } },
  ];
  if (o.band) {
    layer.push({
      data: { values: line },
      mark: { type: 'area', opacity: 0.2 },
      encoding: { x: enc.x, y: { field: 'lower', type: 'quantitative', title: yName }, y2: { field: 'upper' }, ...(g ? color : { color: { value: '#d62728' } }) },
    });
  }
  layer.push({ data: { values: line }, mark: { type: 'line', strokeWidth: 2, ...(g ? {} : { color: '#d62728' }) }, encoding: { ...enc, ...(g ? { ...color, detail: { field: 'group' } } : {}) } });
  const shown = step > 1 ? ` (every ${step}th of ${n} rows shown)` : '';
  const shownZh = step > 1 ? `（共 ${n} 行，每 ${step} 行显示 1 行）` : '';
  return {
    id: o.id ?? 'scatter',
    title: `${yName} against ${xName}${shown}, with the least-squares line${o.band ? ` and its ${pct} confidence band` : ''}`,
    title_zh: `${yName} 对 ${xName} 的散点图${shownZh}及最小二乘直线${o.band ? `和 ${pct} 置信带` : ''}`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 'container',
      height: 320,
      layer,
    },
  };
}
