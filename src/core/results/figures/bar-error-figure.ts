/**
 * Bars of group means with error bars: the 95% t-interval mean ± qt(0.975, n − 1) sd/√n
 * (as t.test), mean ± SD, or mean ± SE. Used by chart.bar_error.
 */
import { mean, sd } from '../../stats/descriptive';
import { tQuantile } from '../../stats/distributions';
import type { ResultFigure } from '../types';

export type ErrorKind = 'ci' | 'sd' | 'se';

export interface MeanSummary {
  group: string;
  n: number;
  mean: number;
  sd: number;
  se: number;
  conf_low: number;
  conf_high: number;
  /** The drawn bar ends (NaN when undefined, e.g. n = 1). */
  error_low: number;
  error_high: number;
}

export function meanSummary(group: string, values: ArrayLike<number>, error: ErrorKind, confLevel = 0.95): MeanSummary {
  const n = values.length;
  const m = n ? mean(values) : NaN;
  const s = n > 1 ? sd(values) : NaN;
  const se = s / Math.sqrt(n);
  const q = n > 1 ? tQuantile(1 - (1 - confLevel) / 2, n - 1) : NaN;
  const half = error === 'sd' ? s : error === 'se' ? se : q * se;
  return { group, n, mean: m, sd: s, se, conf_low: m - q * se, conf_high: m + q * se, error_low: m - half, error_high: m + half };
}

export function barErrorFigure(rows: MeanSummary[], o: { valueTitle: string; groupTitle: string; error: ErrorKind; id?: string }): ResultFigure {
  const values = rows.map((r) => {
    const v: Record<string, number | string> = { group: r.group, n: r.n, mean: r.mean };
    if (Number.isFinite(r.error_low)) (v.error_low = r.error_low), (v.error_high = r.error_high);
    return v;
  });
  const order = rows.map((r) => r.group);
  const what = o.error === 'sd' ? '± SD' : o.error === 'se' ? '± SE' : '95% CI';
  const whatZh = o.error === 'sd' ? '± 标准差' : o.error === 'se' ? '± 标准误' : '95% 置信区间';
  const x = { field: 'group', type: 'nominal', title: o.groupTitle, sort: order };
  return {
    id: o.id ?? 'bar_error',
    title: `Mean of ${o.valueTitle} by ${o.groupTitle} (error bars: ${what})`,
    title_zh: `${o.valueTitle} 按 ${o.groupTitle} 分组的均值（误差线：${whatZh}）`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values },
      width: { step: 60 },
      height: 280,
      layer: [
        {
          mark: { type: 'bar', opacity: 0.7 },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative', title: `Mean of ${o.valueTitle}` },
            color: { field: 'group', type: 'nominal', legend: null, sort: order },
            tooltip: [{ field: 'group' }, { field: 'n', type: 'quantitative' }, { field: 'mean', type: 'quantitative', format: '.4~g' }, { field: 'error_low', type: 'quantitative', format: '.4~g' }, { field: 'error_high', type: 'quantitative', format: '.4~g' }],
          },
        },
        { mark: { type: 'errorbar', ticks: true }, encoding: { x, y: { field: 'error_low', type: 'quantitative', title: `Mean of ${o.valueTitle}` }, y2: { field: 'error_high' } } },
      ],
    },
  };
}
