import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { pearsonTest } from '$core/stats/correlation';
import { METHOD_NAME, normalityAssumptions, pairOf, scatterFigure, tidyTable, validatePair } from './pairwise';

export function validate(input: RunInput): InputIssue[] {
  return validatePair(input);
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const p = pairOf(input);
  if ('code' in p) throw new Error(p.message.en);
  const alternative = String(input.options.alternative ?? 'two.sided') as Alternative;
  const confLevel = Number(input.options.conf_level ?? 0.95);
  const t = pearsonTest(p.x.values, p.y.values, alternative, confLevel);
  const notes: string[] = [];
  const notesZh: string[] = [];
  const warnings: ResultWarning[] = [];
  if (t.n <= 3) {
    notes.push('conf_low and conf_high are null: the Fisher-z interval needs at least 4 rows (as R).');
    notesZh.push('置信区间为空：Fisher z 区间至少需要 4 行（与 R 一致）。');
  }
  if (t.statistic === null && t.estimate !== null) {
    notes.push('statistic is null: |r| = 1, so t is infinite (R prints Inf); p = 0.');
    notesZh.push('t 值为空：|r| = 1，t 为无穷大（R 显示 Inf）；P = 0。');
    warnings.push({ code: 'perfect_correlation', message: 'The points lie exactly on a straight line (|r| = 1).', message_zh: '所有点恰好位于一条直线上（|r| = 1）。' });
  }
  if (alternative !== 'two.sided' && t.n > 3) {
    notes.push(`One-sided interval: ${alternative === 'less' ? 'conf_low is −1' : 'conf_high is 1'} by definition.`);
    notesZh.push(`单侧区间：${alternative === 'less' ? '下限' : '上限'}按定义为 ${alternative === 'less' ? '−1' : '1'}。`);
  }
  notes.push(`${t.n} complete pairs; t = r √(n − 2) / √(1 − r²) with n − 2 df; interval from Fisher’s z = atanh(r).`);
  notesZh.push(`${t.n} 对完整观测；t = r √(n − 2) / √(1 − r²)，自由度 n − 2；区间基于 Fisher z = atanh(r)。`);
  if (t.n < 10) {
    warnings.push({
      code: 'small_sample',
      message: `Only ${t.n} pairs: the correlation is very imprecise and one point can change it a lot.`,
      message_zh: `只有 ${t.n} 对观测：相关系数很不精确，单个点即可明显改变其大小。`,
    });
  }
  const tidy = tidyTable(
    'pearson',
    { estimate: t.estimate, statistic: t.statistic, df: t.df, p_value: t.p_value, conf_low: t.n > 3 ? t.conf_low : null, conf_high: t.n > 3 ? t.conf_high : null, method: METHOD_NAME.pearson, alternative },
    't',
    confLevel,
    notes,
    notesZh,
  );
  const assumptions = normalityAssumptions(p.x, p.y, true);
  assumptions.push({
    name: 'Linearity and outliers',
    name_zh: '线性关系与离群值',
    ok: null,
    message: 'Pearson’s r summarises a straight-line relation. Check the scatter plot for curvature or outlying points; if present, prefer Spearman’s rho.',
    message_zh: 'Pearson 相关系数描述的是直线关系。请查看散点图是否有曲线趋势或离群点；如有，宜改用 Spearman 相关。',
  });
  return { tables: { tidy }, figures: [scatterFigure(p.x.values, p.y.values, p.x.name, p.y.name)], assumptions, warnings };
}
