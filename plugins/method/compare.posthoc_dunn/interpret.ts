import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.posthoc?.rows ?? [];
  if (!rows.length) return { en, zh };
  const method = String(input.options.method ?? 'holm');
  const sig = rows.filter((r) => (num(r.p_adjusted) ?? 1) < 0.05);
  en.push(`Dunn’s test with ${method} adjustment over ${rows.length} pairwise comparisons: ${sig.length} ${sig.length === 1 ? 'pair differs' : 'pairs differ'} at the 5% level${sig.length ? ` (${sig.map((r) => `${r.contrast}: z = ${fmt(num(r.statistic))}, adjusted p ${fmtP(num(r.p_adjusted))}`).join('; ')})` : ''}.`);
  zh.push(`Dunn 检验（${method} 校正，共 ${rows.length} 个两两比较）：在 5% 水准下有 ${sig.length} 对差异有统计学意义${sig.length ? `（${sig.map((r) => `${r.contrast}：z = ${fmt(num(r.statistic))}，校正 P ${fmtP(num(r.p_adjusted))}`).join('；')}）` : ''}。`);
  en.push('A positive estimate means the first group of the pair has higher ranks (tends to have larger values).');
  zh.push('估计值为正表示该对中的第一组秩较高（倾向于取更大的值）。');
  en.push('The comparisons use the ranks of all groups together; they show which groups differ, not by how much on the original scale, and a non-significant pair is not evidence of equality.');
  zh.push('这些比较基于所有组合并后的秩；它们说明哪些组不同，但不说明原始尺度上相差多少；不显著的比较不能证明两组相同。');
  return { en, zh };
};
