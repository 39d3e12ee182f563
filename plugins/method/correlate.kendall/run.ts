import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { kendallTest, KENDALL_EXACT_MAX_N } from '$core/stats/kendall';
import { METHOD_NAME, pairOf, scatterFigure, tidyTable, validatePair } from '../correlate.pearson/pairwise';

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
  const t = kendallTest(p.x.values, p.y.values, alternative, exact, continuity);
  const notes: string[] = [];
  const notesZh: string[] = [];
  const warnings: ResultWarning[] = [];
  if (t.exact) {
    notes.push('Exact p-value; statistic T is the number of concordant pairs (no ties).');
    notesZh.push('精确 P 值；统计量 T 为一致对的数目（无结）。');
  } else {
    notes.push(`Normal approximation: statistic z = S / √Var(S) with the tie-corrected variance${continuity ? ' and continuity correction' : ''}.`);
    notesZh.push(`正态近似：统计量 z = S / √Var(S)，方差经结校正${continuity ? '，含连续性校正' : ''}。`);
  }
  if (t.exactRefused === 'ties' && exactOpt === 'true') {
    warnings.push({ code: 'ties_no_exact', message: 'Cannot compute an exact p-value with ties; the normal approximation was used (as R).', message_zh: '存在结，无法计算精确 P 值；已改用正态近似（与 R 一致）。' });
  }
  if (t.exactRefused === 'large_n') {
    warnings.push({
      code: 'exact_too_large',
      message: `The exact distribution is computed up to n = ${KENDALL_EXACT_MAX_N} (R overflows beyond); the normal approximation was used for n = ${t.n}.`,
      message_zh: `精确分布只计算到 n = ${KENDALL_EXACT_MAX_N}（超出后 R 会溢出）；n = ${t.n} 时已改用正态近似。`,
    });
  }
  notes.push(`tau-b = (concordant − discordant) / √((n₀ − n₁)(n₀ − n₂)), n = ${t.n}.`);
  notesZh.push(`tau-b = （一致对 − 不一致对）/ √((n₀ − n₁)(n₀ − n₂))，n = ${t.n}。`);
  const tidy = tidyTable('kendall', { estimate: t.estimate, statistic: t.statistic, p_value: t.p_value, method: METHOD_NAME.kendall, alternative }, t.statisticName, 0.95, notes, notesZh);
  return { tables: { tidy }, figures: [scatterFigure(p.x.values, p.y.values, p.x.name, p.y.name)], assumptions: [], warnings };
}
