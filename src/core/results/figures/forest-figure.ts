/**
 * A forest plot: one row per label with a point estimate and its confidence interval, a dashed
 * reference line (1 for ratios, 0 for differences), on a log or linear axis. Used by
 * survival.cox (hazard ratios) and chart.forest.
 */
import type { ResultFigure } from '../types';

export interface ForestRow {
  label: string;
  estimate: number;
  low: number;
  high: number;
}

export interface ForestOptions {
  id?: string;
  title: string;
  title_zh: string;
  rows: ForestRow[];
  /** Axis title. */
  xTitle: string;
  /** Log axis (ratios). Default true. */
  log?: boolean;
  /** Where the dashed line is drawn (no line when null). Default 1. */
  reference?: number | null;
  /** Tooltip title of the estimate. */
  estimateTitle?: string;
}

export function forestFigure(o: ForestOptions): ResultFigure {
  const values = o.rows.map((r) => ({ term: r.label, hr: r.estimate, low: r.low, high: r.high }));
  const order = values.map((v) => v.term);
  const y = { field: 'term', type: 'nominal', sort: order, title: null };
  const x = { type: 'quantitative', scale: o.log === false ? { zero: false } : { type: 'log' }, title: o.xTitle };
  const ref = o.reference === undefined ? 1 : o.reference;
  return {
    id: o.id ?? 'forest',
    title: o.title,
    title_zh: o.title_zh,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 420,
      height: { step: 28 },
      data: { values },
      layer: [
        ...(ref === null ? [] : [{ mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, data: { values: [{ one: ref }] }, encoding: { x: { field: 'one', ...x } } }]),
        { mark: { type: 'rule' }, encoding: { y, x: { field: 'low', ...x }, x2: { field: 'high' } } },
        {
          mark: { type: 'point', filled: true, shape: 'square', size: 60 },
          encoding: {
            y,
            x: { field: 'hr', ...x },
            tooltip: [{ field: 'term' }, { field: 'hr', format: '.3f', title: o.estimateTitle ?? 'estimate' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }],
          },
        },
      ],
    },
  };
}
