import type { ColumnData, InputIssue, NumericColumn, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultWarning } from '$core/results/types';
import { heatmapFigure } from '$core/results/figures/heatmap-figure';
import { pearson } from '$core/stats/correlation';
import { rankAverage } from '$core/stats/rank';

const list = (c: ColumnData | ColumnData[] | undefined): ColumnData[] => (c === undefined ? [] : Array.isArray(c) ? c : [c]);

export function validate(input: RunInput): InputIssue[] {
  const vars = list(input.roles.variables);
  if (vars.length < 2) return [{ code: 'too_few_variables', message: { en: 'Choose at least two numeric variables.', zh: '请至少选择两个数值变量。' } }];
  for (const v of vars) if (v.kind !== 'numeric') return [{ code: 'variable_not_numeric', message: { en: `“${v.name}” is not numeric.`, zh: `“${v.name}”不是数值变量。` } }];
  if (new Set(vars.map((v) => v.name)).size < vars.length) return [{ code: 'duplicate_variable', message: { en: 'A variable is chosen twice.', zh: '有变量被重复选择。' } }];
  if ((vars[0] as NumericColumn).values.length < 3) return [{ code: 'too_few_rows', message: { en: 'Fewer than 3 rows have every variable present.', zh: '所有变量均不缺失的行少于 3 行。' } }];
  return [];
}

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const vars = list(input.roles.variables) as NumericColumn[];
  const method = String(input.options.method ?? 'pearson');
  const cols = vars.map((v) => (method === 'spearman' ? rankAverage(v.values).ranks : v.values));
  const rows: Record<string, CellValue>[] = [];
  let undef = 0;
  for (let a = 0; a < vars.length; a++) {
    ctx.checkCancelled();
    for (let b = a + 1; b < vars.length; b++) {
      const r = pearson(cols[a], cols[b]);
      if (Number.isNaN(r)) undef++;
      rows.push({ var1: vars[a].name, var2: vars[b].name, estimate: Number.isNaN(r) ? null : r, n: vars[a].values.length });
    }
  }
  const warnings: ResultWarning[] = [];
  if (undef) warnings.push({ code: 'constant_variable', message: `${undef} pair(s) involve a constant variable; their correlation is undefined (NA).`, message_zh: `${undef} 对变量含常数变量，相关系数无定义（NA）。` });
  const label = method === 'spearman' ? 'rho' : 'r';
  return {
    tables: {
      matrix: {
        title: `${method === 'spearman' ? 'Spearman' : 'Pearson'} correlations`,
        title_zh: `${method === 'spearman' ? 'Spearman' : 'Pearson'} 相关系数`,
        columns: [
          { key: 'var1', label: 'Variable 1', label_zh: '变量 1', type: 'text' },
          { key: 'var2', label: 'Variable 2', label_zh: '变量 2', type: 'text' },
          { key: 'estimate', label, label_zh: label, type: 'number' },
          { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
        ],
        rows,
        notes: ['Rows complete in every variable, as cor(use = "complete.obs"). For p-values use correlate.matrix.'],
        notes_zh: ['使用所有变量均不缺失的行，同 cor(use = "complete.obs")。P 值请用 correlate.matrix。'],
      },
    },
    figures: [heatmapFigure(vars.map((v) => v.name), rows, method)],
    assumptions: [],
    warnings,
  };
}
