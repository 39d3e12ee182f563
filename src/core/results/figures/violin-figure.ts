/**
 * Violin plot with a box plot inside: per group the kernel density of R's density() (gaussian,
 * bw.nrd0, 512 points) mirrored around the group's centre, and boxplot.stats' box and whiskers.
 * Used by chart.box (option violin).
 */
import { boxStats } from '../../stats/boxstats';
import type { ResultFigure } from '../types';
import type { BoxGroup } from '../box-figure';
import { density } from './density';

export function violinFigure(o: { id: string; title: string; title_zh: string; valueTitle: string; groups: BoxGroup[] }): ResultFigure {
  const shapes: Record<string, number | string>[] = [];
  const boxes: Record<string, number | string>[] = [];
  let maxD = 0;
  const dens = o.groups.map((g) => density(g.values));
  for (const d of dens) if (d) for (const v of d.y) maxD = Math.max(maxD, v);
  o.groups.forEach((g, j) => {
    const d = dens[j];
    if (d) d.x.forEach((x, k) => shapes.push({ group: g.name, value: x, left: -d.y[k] / maxD, right: d.y[k] / maxD, density: d.y[k] }));
    const b = boxStats(g.values);
    if (b) {
      const [lower, q1, median, q3, upper] = b.stats;
      boxes.push({ group: g.name, n: b.n, lower, q1, median, q3, upper, bl: -0.12, br: 0.12, ml: -0.2, mr: 0.2, zero: 0 });
    }
  });
  const order = o.groups.map((g) => g.name);
  const xs = { type: 'quantitative', scale: { domain: [-1.05, 1.05] }, axis: null, title: null };
  const y = (field: string) => ({ field, type: 'quantitative', title: o.valueTitle, scale: { zero: false } });
  return {
    id: o.id,
    title: o.title,
    title_zh: o.title_zh,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      facet: { column: { field: 'group', type: 'nominal', sort: order, title: null, header: { labelOrient: 'bottom' } } },
      data: { values: [...shapes.map((s) => ({ ...s, kind: 'density' })), ...boxes.map((b) => ({ ...b, kind: 'box' }))] },
      spacing: 4,
      spec: {
        width: 90,
        height: 260,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'density'" }],
            mark: { type: 'area', orient: 'horizontal', opacity: 0.35 },
            encoding: { y: y('value'), x: { field: 'left', ...xs }, x2: { field: 'right' }, color: { field: 'group', type: 'nominal', legend: null, sort: order } },
          },
          { transform: [{ filter: "datum.kind === 'box'" }], mark: { type: 'rule' }, encoding: { x: { field: 'zero', ...xs }, y: y('lower'), y2: { field: 'upper' } } },
          {
            transform: [{ filter: "datum.kind === 'box'" }],
            mark: { type: 'rect', fill: 'white', stroke: '#333' },
            encoding: {
              x: { field: 'bl', ...xs },
              x2: { field: 'br' },
              y: y('q1'),
              y2: { field: 'q3' },
              tooltip: ['n', 'lower', 'q1', 'median', 'q3', 'upper'].map((f) => ({ field: f, type: 'quantitative', format: f === 'n' ? 'd' : '.4~g' })),
            },
          },
          { transform: [{ filter: "datum.kind === 'box'" }], mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'ml', ...xs }, x2: { field: 'mr' }, y: y('median') } },
        ],
      },
    },
  };
}
