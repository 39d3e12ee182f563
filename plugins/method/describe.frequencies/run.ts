import type { InputIssue, PluginOutput, RunContext, RunInput, ColumnData } from '$core/plugin/types';
import type { CellValue, ResultFigure, ResultTable } from '$core/results/types';
import { factorOf } from '$core/stats/contingency';

export const MISSING_LEVEL = '(missing)';
const MAX_FIGURE_LEVELS = 60;

function columns(input: RunInput): ColumnData[] {
  const v = input.roles.variables;
  return (Array.isArray(v) ? v : v ? [v] : []).filter((c): c is ColumnData => !!c);
}

export function validate(input: RunInput): InputIssue[] {
  if (!columns(input).length) return [{ code: 'missing_role', message: { en: 'Choose at least one variable.', zh: '请至少选择一个变量。' } }];
  if (input.n.used === 0) return [{ code: 'no_rows', message: { en: 'There are no rows (check the filter).', zh: '没有数据行（请检查筛选条件）。' } }];
  return [];
}

export interface FrequencyRow {
  variable: string;
  level: string;
  n: number;
  percent: number;
  valid_percent: number | null;
  cumulative_percent: number | null;
}

/** table(x, useNA = "ifany") with prop.table: the frequency rows of one column. */
export function frequencyRows(col: ColumnData, sort: 'level' | 'frequency', includeMissing: boolean): FrequencyRow[] {
  const f = factorOf(col);
  const counts = new Float64Array(f.levels.length);
  let missing = 0;
  for (let i = 0; i < f.codes.length; i++) {
    const c = f.codes[i];
    if (c < 0) missing++;
    else counts[c]++;
  }
  let valid = 0;
  for (const v of counts) valid += v;
  const order = Array.from(f.levels, (_, i) => i);
  // stable sort of the (few) levels: decreasing count, ties in level order (as R's order(-n))
  if (sort === 'frequency') order.sort((a, b) => counts[b] - counts[a]);
  const total = includeMissing ? valid + missing : valid;
  const rows: FrequencyRow[] = [];
  let cum = 0;
  for (const i of order) {
    const vp = counts[i] / valid;
    cum += vp;
    rows.push({ variable: col.name, level: f.levels[i], n: counts[i], percent: counts[i] / total, valid_percent: vp, cumulative_percent: cum });
  }
  if (includeMissing && missing > 0) rows.push({ variable: col.name, level: MISSING_LEVEL, n: missing, percent: missing / total, valid_percent: null, cumulative_percent: null });
  return rows;
}

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const cols = columns(input);
  const sort = String(input.options.sort ?? 'level') === 'frequency' ? 'frequency' : 'level';
  const includeMissing = Boolean(input.options.include_missing ?? true);
  const rows: Record<string, CellValue>[] = [];
  const figures: ResultFigure[] = [];
  let allMissing = 0;
  cols.forEach((col, j) => {
    ctx.checkCancelled();
    const fr = frequencyRows(col, sort, includeMissing);
    if (!fr.some((r) => r.level !== MISSING_LEVEL)) allMissing++;
    rows.push(...(fr as unknown as Record<string, CellValue>[]));
    if (fr.length <= MAX_FIGURE_LEVELS)
      figures.push({
        id: `bar_${j}`,
        title: `Frequencies of ${col.name}`,
        title_zh: `${col.name} 的频数`,
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          data: { values: fr.map((r) => ({ level: r.level, n: r.n, percent: r.percent })) },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'level', type: 'nominal', sort: fr.map((r) => r.level), title: col.name },
            y: { field: 'n', type: 'quantitative', title: 'Count' },
            tooltip: [{ field: 'level', title: col.name }, { field: 'n' }, { field: 'percent', format: '.1%' }],
          },
        },
      });
  });
  const notes = [
    includeMissing
      ? 'Percent: of all rows (missing included). Valid and cumulative percent: of the non-missing rows; empty for the missing row.'
      : 'Missing values are left out; all percentages are of the non-missing rows.',
  ];
  const notesZh = [includeMissing ? '百分比：占全部行（含缺失）。有效百分比与累计百分比：占非缺失行；缺失行为空。' : '不计缺失值；所有百分比均以非缺失行为分母。'];
  if (allMissing) {
    notes.push(`${allMissing} variable${allMissing > 1 ? 's have' : ' has'} no non-missing values; valid percentages are empty.`);
    notesZh.push(`${allMissing} 个变量没有非缺失值；有效百分比为空。`);
  }
  const table: ResultTable = {
    title: 'Frequency table',
    title_zh: '频数表',
    columns: [
      { key: 'variable', label: 'Variable', label_zh: '变量', type: 'text' },
      { key: 'level', label: 'Category', label_zh: '类别', type: 'text' },
      { key: 'n', label: 'n', label_zh: '频数', type: 'integer' },
      { key: 'percent', label: 'Percent', label_zh: '百分比', type: 'percent' },
      { key: 'valid_percent', label: 'Valid percent', label_zh: '有效百分比', type: 'percent' },
      { key: 'cumulative_percent', label: 'Cumulative percent', label_zh: '累计百分比', type: 'percent' },
    ],
    rows: rows.map((r) => ({ ...r, valid_percent: Number.isFinite(r.valid_percent as number) ? r.valid_percent : null, cumulative_percent: Number.isFinite(r.cumulative_percent as number) ? r.cumulative_percent : null })),
    notes,
    notes_zh: notesZh,
  };
  return { tables: { frequencies: table }, figures: figures.slice(0, 50), assumptions: [], warnings: [] };
}
