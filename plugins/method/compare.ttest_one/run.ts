import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultTable, ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { dropNaN, mean, median, nullIfNaN, sd } from '$core/stats/descriptive';
import { tTest1 } from '$core/stats/ttest';
import { muBoxFigure, normalityAssumption, tidyTable } from './shared';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

function prepare(input: RunInput): { name: string; x: Float64Array } | InputIssue {
  const y = single(input.roles.outcome);
  if (!y) return { code: 'missing_role', message: { en: 'Choose an outcome variable.', zh: '请选择结局变量。' } };
  if (y.kind !== 'numeric') {
    return { code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } };
  }
  return { name: y.name, x: dropNaN(y.values) };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  if (p.x.length < 2) {
    return [
      {
        code: 'too_few_rows',
        message: {
          en: `“${p.name}” has ${p.x.length} observation${p.x.length === 1 ? '' : 's'}; a t-test needs at least 2 to estimate the variance.`,
          zh: `“${p.name}”只有 ${p.x.length} 个观测值；t 检验至少需要 2 个观测值才能估计方差。`,
        },
      },
    ];
  }
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const o = input.options;
  const alternative = String(o.alternative ?? 'two.sided') as Alternative;
  const confLevel = Number(o.conf_level ?? 0.95);
  const mu = Number(o.mu ?? 0);
  const r = tTest1(p.x, alternative, confLevel, mu, false);
  const what = { en: `“${p.name}”`, zh: `“${p.name}”` };
  const { table: tidy, warnings } = tidyTable(r, confLevel, mu, what, false);
  const n = p.x.length;
  const s = sd(p.x);
  const summary: ResultTable = {
    title: p.name,
    title_zh: p.name,
    columns: [
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
      { key: 'se_mean', label: 'SE of mean', label_zh: '均值标准误', type: 'number' },
      { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
    ],
    rows: [{ n, mean: nullIfNaN(mean(p.x)), sd: nullIfNaN(s), se_mean: nullIfNaN(s / Math.sqrt(n)), median: nullIfNaN(median(p.x)) }],
  };
  const allWarnings: ResultWarning[] = [...warnings];
  if (n < 5) {
    allWarnings.push({
      code: 'small_sample',
      message: `Only ${n} observations: the test has little power and relies heavily on normality.`,
      message_zh: `只有 ${n} 个观测值：检验效能很低，且高度依赖正态性假定。`,
    });
  }
  const figure = muBoxFigure('boxplot', { en: `${p.name} with μ = ${mu}`, zh: `${p.name}（参考线 μ = ${mu}）` }, p.name, p.name, p.x, mu);
  return { tables: { tidy, summary }, figures: [figure], assumptions: [normalityAssumption(p.x, what, false)], warnings: allWarnings };
}
