import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultWarning } from '$core/results/types';
import { barErrorFigure, meanSummary, type ErrorKind } from '$core/results/figures/bar-error-figure';
import { asFactor, dropUnusedLevels, splitByLevel } from '$core/stats/factor';

const single = (c: ColumnData | ColumnData[] | undefined): ColumnData | undefined => (Array.isArray(c) ? c[0] : c);
const nn = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function validate(input: RunInput): InputIssue[] {
  const y = single(input.roles.y);
  const g = single(input.roles.group);
  if (!y || !g) return [{ code: 'missing_role', message: { en: 'Choose a numeric variable and a group.', zh: '请选择一个数值变量和一个分组变量。' } }];
  if (y.kind !== 'numeric') return [{ code: 'y_not_numeric', message: { en: `“${y.name}” is not numeric; means need a numeric variable.`, zh: `“${y.name}”不是数值变量；计算均值需要数值变量。` } }];
  if (!y.values.length) return [{ code: 'no_data', message: { en: 'No rows to plot.', zh: '没有可绘制的行。' } }];
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const y = single(input.roles.y) as ColumnData & { kind: 'numeric' };
  const g = single(input.roles.group)!;
  const error = String(input.options.error ?? 'ci') as ErrorKind;
  const f = dropUnusedLevels(asFactor(g), (i) => !Number.isNaN(y.values[i]));
  const parts = splitByLevel(y.values, f);
  const sums = parts.map((v, j) => meanSummary(f.levels[j], v, error));
  const warnings: ResultWarning[] = [];
  for (const s of sums) {
    if (s.n < 2) {
      warnings.push({ code: 'small_group', message: `Group “${s.group}” has ${s.n} value; its SD and error bar are undefined.`, message_zh: `组“${s.group}”只有 ${s.n} 个值，其标准差和误差线无定义。` });
    }
  }
  const rows: Record<string, CellValue>[] = sums.map((s) => ({
    group: s.group, n: s.n, mean: s.mean, sd: nn(s.sd), se: nn(s.se), conf_low: nn(s.conf_low), conf_high: nn(s.conf_high), error_low: nn(s.error_low), error_high: nn(s.error_high),
  }));
  const what = error === 'sd' ? 'mean ± SD' : error === 'se' ? 'mean ± SE' : 'the 95% t confidence interval of the mean';
  const whatZh = error === 'sd' ? '均值 ± 标准差' : error === 'se' ? '均值 ± 标准误' : '均值的 95% t 置信区间';
  return {
    tables: {
      means: {
        title: `Mean of ${y.name} by ${g.name}`,
        title_zh: `${y.name} 按 ${g.name} 分组的均值`,
        columns: [
          { key: 'group', label: g.name, label_zh: g.name, type: 'text' },
          { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
          { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
          { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
          { key: 'se', label: 'SE', label_zh: '标准误', type: 'number' },
          { key: 'conf_low', label: '95% CI low', label_zh: '95% CI 下限', type: 'ci' },
          { key: 'conf_high', label: '95% CI high', label_zh: '95% CI 上限', type: 'ci' },
          { key: 'error_low', label: 'Error bar low', label_zh: '误差线下端', type: 'number' },
          { key: 'error_high', label: 'Error bar high', label_zh: '误差线上端', type: 'number' },
        ],
        rows,
        notes: [`Error bars show ${what}. CI: mean ± qt(0.975, n − 1) × SD/√n, as t.test.`],
        notes_zh: [`误差线表示${whatZh}。置信区间：均值 ± qt(0.975, n − 1) × 标准差/√n，同 t.test。`],
      },
    },
    figures: [barErrorFigure(sums, { valueTitle: y.name, groupTitle: g.name, error })],
    assumptions: [],
    warnings,
  };
}
