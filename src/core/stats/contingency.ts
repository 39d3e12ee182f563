/**
 * Cross-tabulation of categorical codes (R's table() / xtabs(w ~ r + c)), with optional
 * frequency weights, plus the helpers the categorical-data plugins share: chi-square
 * expected counts and residuals, and the role/level plumbing.
 */
import type { ColumnData, InputIssue, RunInput } from '../plugin/types';
import type { ResultColumn, ResultTable } from '../results/types';
import { asFactor, dropUnusedLevels, type Factor } from './factor';

export interface CrossTab {
  rowLevels: string[];
  colLevels: string[];
  /** counts[i][j]: (weighted) count of row level i and column level j. */
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

/** A role's column (single) or undefined. */
export function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

/**
 * The weights of the rows (1 each without a weight column). NaN weights mark the row as
 * missing (the runner's listwise deletion normally removed them).
 */
export function weightsOf(w: ColumnData | undefined, n: number): Float64Array {
  if (!w) return new Float64Array(n).fill(1);
  if (w.kind !== 'numeric') throw new Error(`The weight “${w.name}” must be numeric.`);
  return w.values;
}

/** Problems with a weight column: negative, infinite, or (when `integer`) non-whole values. */
export function weightProblem(w: ColumnData | undefined, integer: boolean): { en: string; zh: string } | null {
  if (!w || w.kind !== 'numeric') return null;
  let neg = 0;
  let frac = 0;
  for (const v of w.values) {
    if (Number.isNaN(v)) continue;
    if (v < 0 || !Number.isFinite(v)) neg++;
    else if (integer && Math.abs(v - Math.round(v)) > 1e-7 * Math.max(1, v)) frac++;
  }
  if (neg)
    return {
      en: `The weight “${w.name}” has ${neg} negative or infinite value${neg > 1 ? 's' : ''}; frequency weights must be counts ≥ 0.`,
      zh: `权重“${w.name}”有 ${neg} 个负值或无穷值；频数权重必须是 ≥ 0 的计数。`,
    };
  if (frac)
    return {
      en: `The weight “${w.name}” has ${frac} non-integer value${frac > 1 ? 's' : ''}; this exact test needs whole-number frequency weights (counts).`,
      zh: `权重“${w.name}”有 ${frac} 个非整数值；该精确检验要求频数权重为整数（计数）。`,
    };
  return null;
}

/** The column as a factor with the levels present in the data (R's factor() on complete rows). */
export function factorOf(col: ColumnData): Factor {
  return dropUnusedLevels(asFactor(col));
}

/** R's xtabs(w ~ row + col): a two-way table of (weighted) counts. */
export function crossTab(row: Factor, col: Factor, weights?: ArrayLike<number>): CrossTab {
  const r = row.levels.length;
  const c = col.levels.length;
  const flat = new Float64Array(r * c);
  const n = row.codes.length;
  for (let i = 0; i < n; i++) {
    const a = row.codes[i];
    const b = col.codes[i];
    if (a < 0 || b < 0) continue;
    const w = weights ? weights[i] : 1;
    if (Number.isNaN(w)) continue;
    flat[a * c + b] += w;
  }
  const counts = Array.from({ length: r }, (_, i) => Array.from(flat.subarray(i * c, (i + 1) * c)));
  return finishTab(row.levels, col.levels, counts);
}

export function finishTab(rowLevels: string[], colLevels: string[], counts: number[][]): CrossTab {
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = colLevels.map((_, j) => counts.reduce((s, row) => s + row[j], 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  return { rowLevels, colLevels, counts, rowTotals, colTotals, total };
}

/** R's table(f) with weights: the (weighted) count of each level. */
export function oneWay(f: Factor, weights?: ArrayLike<number>): number[] {
  const out = new Array<number>(f.levels.length).fill(0);
  for (let i = 0; i < f.codes.length; i++) {
    const a = f.codes[i];
    if (a < 0) continue;
    const w = weights ? weights[i] : 1;
    if (!Number.isNaN(w)) out[a] += w;
  }
  return out;
}

/** A three-way table counts[k][i][j] (layer k, row i, column j), as R's xtabs(w ~ row + col + layer). */
export function crossTab3(row: Factor, col: Factor, layer: Factor, weights?: ArrayLike<number>): number[][][] {
  const r = row.levels.length;
  const c = col.levels.length;
  const out = Array.from({ length: layer.levels.length }, () => Array.from({ length: r }, () => new Array<number>(c).fill(0)));
  for (let i = 0; i < row.codes.length; i++) {
    const a = row.codes[i];
    const b = col.codes[i];
    const k = layer.codes[i];
    if (a < 0 || b < 0 || k < 0) continue;
    const w = weights ? weights[i] : 1;
    if (!Number.isNaN(w)) out[k][a][b] += w;
  }
  return out;
}

/** Expected counts under independence: E_ij = row_i * col_j / n. */
/**
 * The row x column cross-table of a plugin's `row`, `column` and optional `weight` roles, or
 * the issue that stops it. Exact tests need whole-number weights (`integerWeights`), and then
 * their counts are rounded so floating sums of weights stay integers.
 */
export function prepareRowColumn(input: RunInput, integerWeights: boolean): { tab: CrossTab; rowName: string; colName: string } | InputIssue {
  const r = single(input.roles.row);
  const c = single(input.roles.column);
  if (!r || !c) return { code: 'missing_role', message: { en: 'Choose a row and a column variable.', zh: '请选择行变量和列变量。' } };
  const w = single(input.roles.weight);
  const wp = weightProblem(w, integerWeights);
  if (wp) return { code: 'bad_weight', message: wp };
  const rf = factorOf(r);
  const cf = factorOf(c);
  const tab = crossTab(rf, cf, w ? weightsOf(w, rf.codes.length) : undefined);
  if (integerWeights) tab.counts = tab.counts.map((row) => row.map((v) => Math.round(v)));
  return { tab, rowName: r.name, colName: c.name };
}

export function expectedCounts(t: CrossTab): number[][] {
  return t.counts.map((row, i) => row.map((_, j) => (t.rowTotals[i] * t.colTotals[j]) / t.total));
}

/** Parses a comma-separated list of numbers ("0.2, 0.3,0.5"); null when any entry is not a number. */
export function parseNumberList(s: string): number[] | null {
  const parts = s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const nums = parts.map(Number);
  return nums.every((v) => Number.isFinite(v)) ? nums : null;
}

/** Row percentages of a cross-tab as a Vega-Lite v6 stacked bar chart (100% within each row level). */
export function rowPercentFigure(
  t: CrossTab,
  rowName: string,
  colName: string,
): Record<string, unknown> {
  const values: Record<string, unknown>[] = [];
  t.counts.forEach((row, i) =>
    row.forEach((v, j) => {
      values.push({
        row: t.rowLevels[i],
        column: t.colLevels[j],
        n: v,
        percent: t.rowTotals[i] > 0 ? (100 * v) / t.rowTotals[i] : 0,
        column_order: j,
      });
    }),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'row', type: 'nominal', title: rowName, sort: t.rowLevels },
      x: { field: 'percent', type: 'quantitative', title: `% of ${rowName} level`, stack: 'zero', scale: { domain: [0, 100] } },
      color: { field: 'column', type: 'nominal', title: colName, sort: t.colLevels },
      order: { field: 'column_order', type: 'quantitative' },
      tooltip: [
        { field: 'row', title: rowName },
        { field: 'column', title: colName },
        { field: 'n', title: 'n' },
        { field: 'percent', title: '%', format: '.1f' },
      ],
    },
  };
}

/**
 * A wide table of a matrix of values: one row per row level (key `row`), one column per
 * column level (keys `c_0`, `c_1`, ... labelled with the level), optionally with totals.
 */
export function matrixTable(
  t: CrossTab,
  values: number[][],
  opts: { title: string; title_zh: string; rowName: string; type: ResultColumn['type']; totals?: boolean; notes?: string[]; notes_zh?: string[] },
): ResultTable {
  const columns: ResultColumn[] = [
    { key: 'row', label: opts.rowName, label_zh: opts.rowName, type: 'text' },
    ...t.colLevels.map((l, j): ResultColumn => ({ key: `c_${j}`, label: l, label_zh: l, type: opts.type })),
  ];
  if (opts.totals) columns.push({ key: 'total', label: 'Total', label_zh: '合计', type: opts.type });
  const rows = values.map((row, i) => {
    const out: Record<string, string | number | null> = { row: t.rowLevels[i] };
    row.forEach((v, j) => (out[`c_${j}`] = Number.isFinite(v) ? v : null));
    if (opts.totals) out.total = t.rowTotals[i];
    return out;
  });
  if (opts.totals) {
    const out: Record<string, string | number | null> = { row: 'Total' };
    t.colTotals.forEach((v, j) => (out[`c_${j}`] = v));
    out.total = t.total;
    rows.push(out);
  }
  const table: ResultTable = { title: opts.title, title_zh: opts.title_zh, columns, rows };
  if (opts.notes?.length) {
    table.notes = opts.notes;
    table.notes_zh = opts.notes_zh;
  }
  return table;
}

/** The values of a matrixTable back as a matrix (rows without the totals row). */
export function tableMatrix(table: ResultTable, nCols: number, nRows: number): (number | null)[][] {
  return table.rows.slice(0, nRows).map((r) => Array.from({ length: nCols }, (_, j) => r[`c_${j}`] as number | null));
}

/**
 * The level counted as "success" for binomial methods: the `success` option when given, else
 * the second level in sorted order (1 of 0/1, TRUE of FALSE/TRUE, "yes" of no/yes — the
 * level glm() models). Returns -1 with a message when the option names no level.
 */
export function successIndex(levels: string[], option: string, name: string): { index: number; issue?: { en: string; zh: string } } {
  const s = option.trim();
  if (s !== '') {
    const i = levels.indexOf(s);
    if (i < 0)
      return {
        index: -1,
        issue: {
          en: `The success level “${s}” does not occur in “${name}” (levels: ${levels.slice(0, 8).join(', ')}).`,
          zh: `成功水平“${s}”不在“${name}”中（水平：${levels.slice(0, 8).join('、')}）。`,
        },
      };
    return { index: i };
  }
  if (levels.length !== 2)
    return {
      index: -1,
      issue: {
        en: `“${name}” has ${levels.length} categor${levels.length === 1 ? 'y' : 'ies'} among the rows with data; it must be binary (2 categories), or name the success level in the “success” option.`,
        zh: `“${name}”在有数据的行中有 ${levels.length} 个类别；它必须是二分类变量（2 个类别），或在“成功水平”选项中指定成功水平。`,
      },
    };
  return { index: 1 };
}
