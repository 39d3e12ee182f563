/**
 * A box plot by group as a Vega-Lite spec drawn from precomputed boxplot.stats (R's hinges and
 * whiskers), so the figure matches R's boxplot() and stays small at any n: five numbers per
 * group, plus the points themselves when there are few (jittered) or only the outliers otherwise.
 */
import { boxStats } from '../stats/boxstats';
import type { ResultFigure } from './types';

/** Up to this many values in all, every value is drawn as a point over the box. */
export const MAX_POINTS = 2000;
/** At most this many outliers per group are drawn (evenly spaced through the sorted outliers). */
const MAX_OUTLIERS = 500;

export interface BoxGroup {
  name: string;
  values: ArrayLike<number>;
}

export interface BoxFigureOptions {
  id: string;
  title: string;
  title_zh: string;
  /** Axis title for the values. */
  valueTitle: string;
  groups: BoxGroup[];
}

/** Deterministic jitter in [-0.6, 0.6] (golden-ratio sequence), so the figure is reproducible. */
function jitter(i: number): number {
  return Math.round((((i * 0.6180339887) % 1) - 0.5) * 1200) / 1000;
}

function thin(values: number[], max: number): number[] {
  if (values.length <= max) return values;
  return Array.from({ length: max }, (_, k) => values[Math.floor((k * values.length) / max)]);
}

export function boxFigure(o: BoxFigureOptions): ResultFigure {
  const boxes: Record<string, number | string>[] = [];
  const points: { group: string; value: number; jitter: number }[] = [];
  const total = o.groups.reduce((s, g) => s + g.values.length, 0);
  const allPoints = total <= MAX_POINTS;
  for (const g of o.groups) {
    const b = boxStats(g.values);
    if (!b) continue;
    const [lower, q1, median, q3, upper] = b.stats;
    boxes.push({ group: g.name, n: b.n, lower, q1, median, q3, upper });
    const drawn = allPoints ? Array.from(g.values).filter(Number.isFinite) : thin(b.out, MAX_OUTLIERS);
    drawn.forEach((value, i) => points.push({ group: g.name, value, jitter: allPoints ? jitter(i) : 0 }));
  }
  const order = o.groups.map((g) => g.name);
  const x = { field: 'group', type: 'nominal', title: null, sort: order };
  const y = (field: string) => ({ field, type: 'quantitative', title: o.valueTitle, scale: { zero: false } });
  const tooltip = ['n', 'lower', 'q1', 'median', 'q3', 'upper'].map((f) => ({ field: f, type: f === 'n' ? 'quantitative' : 'quantitative', format: f === 'n' ? 'd' : '.4~g' }));
  const boxLayer = { data: { values: boxes } };
  return {
    id: o.id,
    title: o.title,
    title_zh: o.title_zh,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: { step: 80 },
      height: 260,
      layer: [
        { ...boxLayer, mark: { type: 'rule' }, encoding: { x, y: y('lower'), y2: { field: 'upper' } } },
        {
          ...boxLayer,
          mark: { type: 'bar', size: 36, opacity: 0.55, stroke: '#555', strokeWidth: 1 },
          encoding: { x, y: y('q1'), y2: { field: 'q3' }, color: { field: 'group', type: 'nominal', legend: null, sort: order }, tooltip: [{ field: 'group' }, ...tooltip] },
        },
        { ...boxLayer, mark: { type: 'tick', size: 36, thickness: 2, color: '#222' }, encoding: { x, y: y('median') } },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: allPoints ? 25 : 18, opacity: allPoints ? 0.6 : 0.8, color: '#333' },
          encoding: { x, y: y('value'), xOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-1, 1] } } },
        },
      ],
    },
  };
}
