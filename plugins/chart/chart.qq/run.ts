import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultWarning } from '$core/results/types';
import { qqFigure, qqLine } from '$core/results/figures/qq-figure';
import { asFactor, dropUnusedLevels, splitByLevel } from '$core/stats/factor';

const single = (c: ColumnData | ColumnData[] | undefined): ColumnData | undefined => (Array.isArray(c) ? c[0] : c);

export function validate(input: RunInput): InputIssue[] {
  const y = single(input.roles.y);
  if (!y) return [{ code: 'missing_role', message: { en: 'Choose a numeric variable.', zh: '请选择一个数值变量。' } }];
  if (y.kind !== 'numeric') return [{ code: 'y_not_numeric', message: { en: `“${y.name}” is not numeric.`, zh: `“${y.name}”不是数值变量。` } }];
  if (y.values.length < 2) return [{ code: 'too_few_values', message: { en: 'A Q-Q plot needs at least 2 values.', zh: 'Q-Q 图至少需要 2 个值。' } }];
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const y = single(input.roles.y) as ColumnData & { kind: 'numeric' };
  const g = single(input.roles.group);
  const series: { panel: string; values: Float64Array }[] = [];
  if (g) {
    const f = dropUnusedLevels(asFactor(g));
    splitByLevel(y.values, f).forEach((v, j) => series.push({ panel: f.levels[j], values: v }));
  } else series.push({ panel: y.name, values: y.values });
  const warnings: ResultWarning[] = [];
  const rows: Record<string, CellValue>[] = [];
  for (const s of series) {
    if (s.values.length < 2) {
      warnings.push({ code: 'small_group', message: `Group “${s.panel}” has fewer than 2 values and is not drawn.`, message_zh: `组“${s.panel}”少于 2 个值，未绘制。` });
      continue;
    }
    const { intercept, slope } = qqLine(Float64Array.from(s.values).sort());
    rows.push({ ...(g ? { group: s.panel } : {}), n: s.values.length, intercept, slope });
  }
  return {
    tables: {
      qqline: {
        title: `Q-Q reference line${g ? 's' : ''} of ${y.name}`,
        title_zh: `${y.name} 的 Q-Q 参考线`,
        columns: [
          ...(g ? [{ key: 'group', label: g.name, label_zh: g.name, type: 'text' as const }] : []),
          { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
          { key: 'intercept', label: 'Intercept', label_zh: '截距', type: 'number' },
          { key: 'slope', label: 'Slope', label_zh: '斜率', type: 'number' },
        ],
        rows,
        notes: ['qqline(): the line through the first and third quartiles (type 7) against qnorm(0.25) and qnorm(0.75); points are qqnorm(): sorted values against qnorm(ppoints(n)). Under normality the intercept estimates the mean and the slope the SD.'],
        notes_zh: ['qqline()：过第一、三四分位数（type 7）与 qnorm(0.25)、qnorm(0.75) 的直线；点为 qqnorm()：排序后的值对 qnorm(ppoints(n))。数据服从正态分布时，截距估计均值，斜率估计标准差。'],
      },
    },
    figures: [qqFigure(series, { single: !g })],
    assumptions: [],
    warnings,
  };
}
