import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { spearmanTest } from '$core/stats/correlation';
import { METHOD_NAME, normalityAssumptions, pairOf, scatterFigure, tidyTable, validatePair } from '../correlate.pearson/pairwise';

export function validate(input: RunInput): InputIssue[] {
  return validatePair(input);
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const p = pairOf(input);
  if ('code' in p) throw new Error(p.message.en);
  const alternative = String(input.options.alternative ?? 'two.sided') as Alternative;
  const exactOpt = String(input.options.exact ?? 'auto');
  const continuity = Boolean(input.options.continuity ?? false);
  const exact = exactOpt === 'auto' ? null : exactOpt === 'true';
  const t = spearmanTest(p.x.values, p.y.values, alternative, exact, continuity);
  const notes: string[] = [];
  const notesZh: string[] = [];
  const warnings: ResultWarning[] = [];
  if (t.exact) {
    notes.push(t.n <= 9 ? `Exact p-value (all ${t.n}! permutations, AS 89).` : 'p-value from the AS 89 Edgeworth series approximation to the exact distribution of S (no ties, n ≤ 1290), as R.');
    notesZh.push(t.n <= 9 ? `精确 P 值（枚举全部 ${t.n}! 种排列，AS 89）。` : 'P 值由 AS 89 Edgeworth 级数近似 S 的精确分布（无结，n ≤ 1290），与 R 一致。');
  } else {
    notes.push(`p-value from the t approximation, t = rho √((n − 2)/(1 − rho²)) with n − 2 df${continuity ? ', with continuity correction' : ''}.`);
    notesZh.push(`P 值采用 t 近似，t = rho √((n − 2)/(1 − rho²))，自由度 n − 2${continuity ? '，含连续性校正' : ''}。`);
  }
  if (t.exactRefused === 'ties' && exactOpt === 'true') {
    warnings.push({ code: 'ties_no_exact', message: 'Cannot compute an exact p-value with ties; the t approximation was used (as R).', message_zh: '存在结，无法计算精确 P 值；已改用 t 近似（与 R 一致）。' });
  }
  notes.push(`S = Σ d² = (n³ − n)(1 − rho)/6 with n = ${t.n}.`);
  notesZh.push(`S = Σ d² = (n³ − n)(1 − rho)/6，n = ${t.n}。`);
  const tidy = tidyTable('spearman', { estimate: t.estimate, statistic: t.statistic, p_value: t.p_value, method: METHOD_NAME.spearman, alternative }, 'S', 0.95, notes, notesZh);
  return {
    tables: { tidy },
    figures: [scatterFigure(p.x.values, p.y.values, p.x.name, p.y.name)],
    assumptions: t.n <= 5000 ? normalityAssumptions(p.x, p.y, false) : [],
    warnings,
  };
}
