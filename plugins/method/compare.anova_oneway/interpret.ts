import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const groups = result.tables.groups?.rows ?? [];
  if (!t) return { en, zh };
  const y = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const g = String(t.term);
  const welch = !(input.options.var_equal ?? true);
  const f = num(t.statistic);
  const p = num(t.p_value);
  const df2 = num(t.df_denom);
  const eta = num(t.eta_squared);
  const desc = groups.map((r) => `${r.group}: ${fmt(num(r.mean))} (n = ${r.n})`).join('; ');
  en.push(`Mean ${y} by ${g} — ${desc}.`);
  zh.push(`按 ${g} 分组的 ${y} 均值——${desc.replace(/; /g, '；')}。`);
  if (f === null || p === null) {
    en.push('The F statistic is undefined because the outcome does not vary within the groups; no test was possible.');
    zh.push('由于结局变量在组内没有变异，F 统计量无定义，无法进行检验。');
    return { en, zh };
  }
  const dfTxt = `${t.df}, ${welch ? fmt(df2, 4) : df2}`;
  const etaEn = eta === null ? '' : `; η² = ${fmt(eta, 2)}`;
  const etaZh = eta === null ? '' : `；η² = ${fmt(eta, 2)}`;
  const sig = p < 0.05;
  en.push(
    `Mean ${y} ${sig ? 'differed' : 'did not differ significantly'} between ${g} groups (${welch ? 'Welch’s ANOVA, ' : ''}F(${dfTxt}) = ${fmt(f)}, p ${fmtP(p)}${etaEn}).`,
  );
  zh.push(`${g} 各组间 ${y} 的均值${sig ? '存在差异' : '差异无统计学意义'}（${welch ? 'Welch 方差分析，' : ''}F(${dfTxt}) = ${fmt(f)}，P ${fmtP(p)}${etaZh}）。`);
  if (eta !== null) {
    en.push(`${g} accounted for ${fmt(eta * 100, 2)}% of the variance in ${y} (η²).`);
    zh.push(`${g} 解释了 ${y} 变异的 ${fmt(eta * 100, 2)}%（η²）。`);
  }
  en.push(
    sig
      ? 'The F test shows that at least one group mean differs, not which ones: use Tukey’s HSD (post hoc) to compare pairs. Without randomisation the difference is an association, not a causal effect.'
      : 'A non-significant F test does not show that the means are equal; small differences may have been missed. Without randomisation any difference is an association, not a causal effect.',
  );
  zh.push(
    sig
      ? 'F 检验只说明至少有一组均值不同，并不说明是哪些组：请用 Tukey HSD（事后检验）进行两两比较。若非随机分组，差异只反映关联而非因果。'
      : 'F 检验无统计学意义并不表示各组均值相等，较小的差异可能未被检出。若非随机分组，任何差异都只反映关联而非因果。',
  );
  return { en, zh };
};
