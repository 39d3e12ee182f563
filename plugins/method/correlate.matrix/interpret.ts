import type { Interpreter } from '$core/plugin/types';
import type { CellValue } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result, input) => {
  const rows = result.tables.matrix?.rows ?? [];
  const adjust = String(input.options.adjust ?? 'holm');
  const sym = { pearson: 'r', spearman: 'rho', kendall: 'tau' }[String(input.options.method ?? 'pearson')] ?? 'r';
  const sig = rows.filter((r) => (num(r.p_adjusted) ?? 1) < 0.05);
  const en: string[] = [];
  const zh: string[] = [];
  en.push(`${rows.length} pairs of variables were correlated; ${sig.length} had an ${adjust === 'none' ? 'unadjusted' : `${adjust}-adjusted`} p-value below 0.05.`);
  zh.push(`共分析 ${rows.length} 对变量；其中 ${sig.length} 对的${adjust === 'none' ? '未校正' : ` ${adjust} 校正后`} P 值小于 0.05。`);
  const strongest = [...rows].filter((r) => num(r.estimate) !== null).sort((a, b) => Math.abs(num(b.estimate)!) - Math.abs(num(a.estimate)!)).slice(0, 3);
  for (const r of strongest) {
    en.push(`${r.var1} and ${r.var2}: ${sym} = ${fmt(num(r.estimate))} (n = ${r.n}, adjusted p ${fmtP(num(r.p_adjusted))}).`);
    zh.push(`${r.var1} 与 ${r.var2}：${sym} = ${fmt(num(r.estimate))}（n = ${r.n}，校正 P ${fmtP(num(r.p_adjusted))}）。`);
  }
  en.push('A correlation matrix is exploratory: it shows pairwise association, not causation, and each coefficient ignores the other variables (use partial correlation or regression to adjust).');
  zh.push('相关矩阵属于探索性分析：仅显示两两关联，不说明因果，且每个系数都未考虑其他变量（需调整时请用偏相关或回归分析）。');
  return { en, zh };
};
