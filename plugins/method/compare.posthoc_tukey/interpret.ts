import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.posthoc?.rows ?? [];
  if (!rows.length) return { en, zh };
  const y = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const conf = Number(input.options.conf_level ?? 0.95);
  const pct = fmtPct(conf);
  const alpha = 1 - conf;
  if (rows.every((r) => num(r.p_adjusted) === null)) {
    en.push('The outcome does not vary within the groups, so no comparison was possible.');
    zh.push('结局变量在组内没有变异，无法进行比较。');
    return { en, zh };
  }
  const sig = rows.filter((r) => (num(r.p_adjusted) ?? 1) < alpha);
  en.push(`Tukey’s HSD compared mean ${y} across all ${rows.length} pairs of groups; ${sig.length} pair${sig.length === 1 ? '' : 's'} differed at the ${fmtPct(alpha)}% family-wise level.`);
  zh.push(`Tukey HSD 对 ${y} 均值的全部 ${rows.length} 对组进行了比较；在 ${fmtPct(alpha)}% 族系检验水准下，有 ${sig.length} 对存在差异。`);
  for (const r of rows) {
    const [b, a] = String(r.contrast).split('-');
    const est = num(r.estimate)!;
    const s = `${fmt(est)} (${pct}% CI ${fmt(num(r.conf_low))} to ${fmt(num(r.conf_high))}; adjusted p ${fmtP(num(r.p_adjusted))})`;
    en.push(`${r.contrast}: mean ${y} was ${est >= 0 ? 'higher' : 'lower'} in “${b}” than in “${a}” by ${fmt(Math.abs(est))}; difference ${s}.`);
    zh.push(`${r.contrast}：“${b}”组 ${y} 均值比“${a}”组${est >= 0 ? '高' : '低'} ${fmt(Math.abs(est))}；差值 ${fmt(est)}（${pct}% 置信区间 ${fmt(num(r.conf_low))} 至 ${fmt(num(r.conf_high))}；校正 P ${fmtP(num(r.p_adjusted))}）。`);
  }
  en.push('The intervals hold simultaneously for all pairs (family-wise), so they are wider than unadjusted intervals. A non-significant pair does not show that two means are equal; without randomisation differences are associations, not causal effects.');
  zh.push('这些置信区间对所有比较同时成立（族系），因此比未校正的区间更宽。某对比较无统计学意义并不表示两组均值相等；若非随机分组，差异只反映关联而非因果。');
  return { en, zh };
};
