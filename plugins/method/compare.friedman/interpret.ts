import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const nameOf = (c: unknown, dflt: string) => ((Array.isArray(c) ? c[0] : c) as { name?: string } | undefined)?.name ?? dflt;

function wSize(w: number): { en: string; zh: string } {
  if (w < 0.1) return { en: 'negligible', zh: '可忽略' };
  if (w < 0.3) return { en: 'small', zh: '小' };
  if (w < 0.5) return { en: 'moderate', zh: '中等' };
  return { en: 'large', zh: '大' };
}

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const ranks = result.tables.ranks?.rows ?? [];
  if (!t || !ranks.length) return { en, zh };
  const y = nameOf(input.roles.outcome, 'the outcome');
  const w = nameOf(input.roles.within, 'condition');
  const n = t.n_blocks;
  const k = t.n_levels;
  const stat = num(t.statistic);
  const p = num(t.p_value);
  const kw = num(t.kendall_w);
  const medEn = ranks.map((r) => `${r.level}: median ${fmt(num(r.median))}, mean rank ${fmt(num(r.mean_rank))}`).join('; ');
  const medZh = ranks.map((r) => `${r.level}：中位数 ${fmt(num(r.median))}，平均秩 ${fmt(num(r.mean_rank))}`).join('；');
  en.push(`${y} was measured in ${n} subjects under each of ${k} levels of ${w} (${medEn}).`);
  zh.push(`${n} 个对象在 ${w} 的 ${k} 个水平下分别测量了 ${y}（${medZh}）。`);
  if (stat === null || p === null) {
    en.push('All values are tied within every subject, so the Friedman statistic is undefined and no test was possible.');
    zh.push('每个对象内所有值都相同，Friedman 统计量无定义，无法进行检验。');
    en.push('The Friedman test compares conditions through ranks within each subject; it needs the values to differ within subjects.');
    zh.push('Friedman 检验通过每个对象内部的秩比较各条件；需要对象内的值存在差异。');
    return { en, zh };
  }
  const size = kw === null ? null : wSize(kw);
  en.push(`Friedman test: χ²(${t.df}) = ${fmt(stat)}, p ${fmtP(p)}; Kendall’s W = ${fmt(kw)}${size ? ` (${size.en} agreement among subjects)` : ''}.`);
  zh.push(`Friedman 检验：χ²(${t.df}) = ${fmt(stat)}，P ${fmtP(p)}；Kendall W = ${fmt(kw)}${size ? `（对象间一致性${size.zh}）` : ''}。`);
  if (p < 0.05) {
    en.push(`At the 5% level the distribution of ${y} differs between at least two levels of ${w}. The test does not say which ones: follow it with pairwise Wilcoxon signed-rank tests with a multiplicity adjustment (or a Nemenyi/Conover post hoc test).`);
    zh.push(`在 5% 检验水准下，${w} 至少有两个水平间 ${y} 的分布不同。该检验不指明是哪些水平：可进一步进行经多重比较校正的两两 Wilcoxon 符号秩检验（或 Nemenyi/Conover 事后检验）。`);
  } else {
    en.push(`At the 5% level the test found no difference in ${y} between the levels of ${w}. This does not show that the conditions are equivalent; with ${n} subjects the test may lack power.`);
    zh.push(`在 5% 检验水准下，未发现 ${w} 各水平间 ${y} 的差异。这并不表示各条件等效；${n} 个对象时检验效能可能不足。`);
  }
  en.push('The Friedman test uses only the order of the values within each subject, not the size of the differences; it compares distributions (mean ranks), not means, and assumes subjects are independent of one another.');
  zh.push('Friedman 检验只利用每个对象内部数值的大小顺序，不利用差值的大小；它比较的是分布（平均秩）而非均值，并假定各对象之间相互独立。');
  return { en, zh };
};
