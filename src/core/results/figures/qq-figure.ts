/**
 * Normal Q-Q plots as R's qqnorm() (sorted values against qnorm(ppoints(n))) with qqline()
 * through the first and third quartiles, one panel per series. Used by describe.normality and
 * chart.qq.
 */
import { quantileSorted } from '../../stats/descriptive';
import { normalQuantile } from '../../stats/distributions';
import type { ResultFigure } from '../types';

/** R's ppoints(n): (i − a)/(n + 1 − 2a), a = 3/8 for n ≤ 10 else 1/2. */
export function ppoints(n: number): Float64Array {
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  return Float64Array.from({ length: n }, (_, i) => (i + 1 - a) / (n + 1 - 2 * a));
}

/** Points per Q-Q series drawn at most (evenly spaced order statistics beyond). */
export const MAX_QQ_POINTS = 1000;

export interface QQSeries {
  panel: string;
  values: ArrayLike<number>;
}

/** R's qqline(y): the line through (qnorm(0.25), Q1) and (qnorm(0.75), Q3), quantile type 7. */
export function qqLine(sortedValues: ArrayLike<number>): { intercept: number; slope: number } {
  const q1 = quantileSorted(sortedValues, 0.25);
  const q3 = quantileSorted(sortedValues, 0.75);
  const z1 = normalQuantile(0.25);
  const z3 = normalQuantile(0.75);
  const slope = (q3 - q1) / (z3 - z1);
  return { intercept: q1 - slope * z1, slope };
}

/** qqnorm's points for ascending values: theoretical quantiles qnorm(ppoints(n)). */
export function qqPoints(sortedValues: ArrayLike<number>): { theoretical: Float64Array; sample: Float64Array } {
  const n = sortedValues.length;
  const pp = ppoints(n);
  return { theoretical: pp.map((p) => normalQuantile(p)), sample: Float64Array.from(sortedValues) };
}

export function qqFigure(series: QQSeries[], o: { id?: string; single?: boolean } = {}): ResultFigure {
  const values: Record<string, number | string>[] = [];
  for (const s of series) {
    const n = s.values.length;
    if (n < 2) continue;
    const sorted = Float64Array.from(s.values).sort();
    const pp = ppoints(n);
    const panel = s.panel;
    const step = n > MAX_QQ_POINTS ? (n - 1) / (MAX_QQ_POINTS - 1) : 1;
    const m = n > MAX_QQ_POINTS ? MAX_QQ_POINTS : n;
    for (let k = 0; k < m; k++) {
      const i = Math.round(k * step);
      values.push({ panel, theoretical: normalQuantile(pp[i]), sample: sorted[i], kind: 'point' });
    }
    const { intercept, slope } = qqLine(sorted);
    const zlo = normalQuantile(pp[0]);
    const zhi = normalQuantile(pp[n - 1]);
    values.push({ panel, theoretical: zlo, sample: intercept + slope * zlo, kind: 'line' });
    values.push({ panel, theoretical: zhi, sample: intercept + slope * zhi, kind: 'line' });
  }
  const enc = {
    x: { field: 'theoretical', type: 'quantitative', title: 'Theoretical normal quantiles' },
    y: { field: 'sample', type: 'quantitative', title: 'Sample quantiles', scale: { zero: false } },
  };
  const layer = [
    { transform: [{ filter: "datum.kind === 'point'" }], mark: { type: 'point', filled: true, size: 18, opacity: 0.7 }, encoding: enc },
    { transform: [{ filter: "datum.kind === 'line'" }], mark: { type: 'line', color: '#d62728' }, encoding: enc },
  ];
  const head = {
    id: o.id ?? 'qq',
    title: 'Normal Q-Q plots (points near the line indicate normality)',
    title_zh: '正态 Q-Q 图（点越接近直线越符合正态分布）',
  };
  if (o.single && series.length === 1) {
    return { ...head, title: head.title.replace('plots', 'plot'), spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values }, width: 320, height: 300, layer } };
  }
  return {
    ...head,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values },
      facet: { field: 'panel', type: 'nominal', title: null, sort: series.map((s) => s.panel) },
      columns: 3,
      resolve: { scale: { y: 'independent' } },
      spec: { width: 220, height: 200, layer },
    },
  };
}
