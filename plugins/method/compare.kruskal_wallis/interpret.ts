import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const g = result.tables.groups?.rows ?? [];
  if (!t) return { en, zh };
  const outcome = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  en.push(`Median ${outcome} by group: ${g.map((r) => `${r.group} ${fmt(num(r.median))} (n = ${r.n})`).join('; ')}.`);
  zh.push(`各组 ${outcome} 中位数：${g.map((r) => `${r.group} ${fmt(num(r.median))}（n = ${r.n}）`).join('；')}。`);
  const p = num(t.p_value);
  en.push(`Kruskal–Wallis test: H(${t.df}) = ${fmt(num(t.statistic))}, p ${fmtP(p)}; ε² = ${fmt(num(t.epsilon_squared), 2)}.`);
  zh.push(`Kruskal–Wallis 检验：H(${t.df}) = ${fmt(num(t.statistic))}，P ${fmtP(p)}；ε² = ${fmt(num(t.epsilon_squared), 2)}。`);
  if (p !== null && p < 0.05) {
    en.push(`At the 5% level the distribution of ${outcome} differs between the groups (at least one group tends to have larger values); use Dunn’s post-hoc test to see which groups differ.`);
    zh.push(`在 5% 检验水准下，各组 ${outcome} 的分布不全相同（至少有一组倾向于取更大的值）；可用 Dunn 事后检验确定哪些组之间不同。`);
  } else {
    en.push('At the 5% level the test did not show a difference between the groups; this does not prove that they are equal.');
    zh.push('在 5% 检验水准下未发现组间差异；这并不证明各组相同。');
  }
  en.push('The test uses ranks, so it does not assume normality; it is an omnibus test and does not say which groups differ or by how much.');
  zh.push('该检验基于秩，不要求正态分布；它是整体检验，不说明哪些组不同以及相差多少。');
  return { en, zh };
};
