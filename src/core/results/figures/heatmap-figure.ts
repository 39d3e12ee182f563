/**
 * A correlation heat map: the full symmetric matrix (1 on the diagonal) coloured from −1 to 1,
 * with the coefficient in each cell up to 15 variables. Used by correlate.matrix and chart.heatmap.
 */
import type { CellValue, ResultFigure } from '../types';

/** `rows`: one per pair (var1, var2, estimate; estimate null when undefined). */
export function heatmapFigure(names: string[], rows: Record<string, CellValue>[], method: string, id = 'heatmap'): ResultFigure {
  const values: Record<string, CellValue>[] = [];
  for (const n of names) values.push({ var1: n, var2: n, estimate: 1, label: '1' });
  for (const r of rows) {
    const e = r.estimate as number | null;
    const label = e === null ? 'NA' : e.toFixed(2);
    values.push({ var1: r.var1, var2: r.var2, estimate: e, label });
    values.push({ var1: r.var2, var2: r.var1, estimate: e, label });
  }
  return {
    id,
    title: `${method[0].toUpperCase()}${method.slice(1)} correlation heat map`,
    title_zh: `${method === 'pearson' ? 'Pearson' : method === 'spearman' ? 'Spearman' : 'Kendall'} 相关热图`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values },
      width: Math.min(600, 40 * names.length + 60),
      height: Math.min(600, 40 * names.length + 60),
      encoding: {
        x: { field: 'var1', type: 'nominal', sort: names, title: null },
        y: { field: 'var2', type: 'nominal', sort: names, title: null },
      },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'estimate', type: 'quantitative', scale: { domain: [-1, 1], scheme: 'redblue', reverse: true }, title: method } } },
        ...(names.length <= 15 ? [{ mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'label', type: 'nominal' } } }] : []),
      ],
    },
  };
}
