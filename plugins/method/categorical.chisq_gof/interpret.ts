import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  if (!t) return { en, zh };
  const c = input.roles.column;
  const name = (Array.isArray(c) ? c[0] : c)?.name ?? 'the variable';
  const equal = String(input.options.p ?? '').trim() === '';
  const p = num(t.p_value);
  const h0en = equal ? 'equal proportions across categories' : 'the specified proportions';
  const h0zh = equal ? '各类别比例相等' : '给定的比例';
  en.push(`A chi-square goodness-of-fit test compared the distribution of ${name} (N = ${fmt(num(t.n), 6)}) with ${h0en}: χ²(${t.df}) = ${fmt(num(t.statistic))}, p ${fmtP(p)}.`);
  zh.push(`采用拟合优度卡方检验比较 ${name} 的分布（N = ${fmt(num(t.n), 6)}）与${h0zh}：χ²(${t.df}) = ${fmt(num(t.statistic))}，P ${fmtP(p)}。`);
  if (p !== null && p < 0.05) {
    en.push(`At the 5% level the observed distribution differs from ${h0en}; the residuals show which categories are over- or under-represented.`);
    zh.push(`在 5% 检验水准下，观察分布与${h0zh}不同；残差显示哪些类别偏多或偏少。`);
  } else {
    en.push(`At the 5% level there was no evidence against ${h0en}; this does not prove that the proportions are exactly as specified.`);
    zh.push(`在 5% 检验水准下，没有证据否定${h0zh}；这并不证明比例恰好如给定。`);
  }
  en.push('The test compares counts of one variable with a fixed hypothesis; it says nothing about association with other variables.');
  zh.push('该检验只把一个变量的频数与固定假设比较，不涉及与其他变量的关联。');
  return { en, zh };
};
