import type { Interpreter } from '$core/plugin/types';
import { fmt } from '$core/stats/format';

export const interpret: Interpreter = (result) => {
  const rows = (result.tables.matrix?.rows ?? []).filter((r) => typeof r.estimate === 'number');
  const en: string[] = [];
  const zh: string[] = [];
  if (!rows.length) return { en, zh };
  const top = rows.reduce((a, b) => (Math.abs(b.estimate as number) > Math.abs(a.estimate as number) ? b : a));
  en.push(`The strongest correlation is between ${top.var1} and ${top.var2} (${fmt(top.estimate as number, 3)}); blue cells are positive, red negative.`);
  zh.push(`相关最强的是 ${top.var1} 与 ${top.var2}（${fmt(top.estimate as number, 3)}）；蓝色为正相关，红色为负相关。`);
  en.push('Correlation shows linear (Pearson) or monotone (Spearman) association only, not causation.');
  zh.push('相关系数仅反映线性（Pearson）或单调（Spearman）关联，不代表因果关系。');
  return { en, zh };
};
