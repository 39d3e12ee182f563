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
  const center = String(input.options.center ?? 'median');
  const p = num(t.p_value);
  en.push(`SD by group: ${g.map((r) => `${r.group} ${fmt(num(r.sd))} (n = ${r.n})`).join('; ')}.`);
  zh.push(`各组标准差：${g.map((r) => `${r.group} ${fmt(num(r.sd))}（n = ${r.n}）`).join('；')}。`);
  en.push(`Levene’s test (centre = ${center}): F(${t.df}, ${t.df_denom}) = ${fmt(num(t.statistic))}, p ${fmtP(p)}.`);
  zh.push(`Levene 检验（中心 = ${center === 'median' ? '中位数' : '均值'}）：F(${t.df}, ${t.df_denom}) = ${fmt(num(t.statistic))}，P ${fmtP(p)}。`);
  if (p !== null && p < 0.05) {
    en.push('At the 5% level the spread differs between groups: prefer Welch’s t-test or Welch’s ANOVA over methods assuming equal variances.');
    zh.push('在 5% 检验水准下各组离散程度不同：应优先使用 Welch t 检验或 Welch 方差分析，而非假定方差相等的方法。');
  } else {
    en.push('At the 5% level the test did not show different spreads; with small groups it has little power, so this does not prove equal variances.');
    zh.push('在 5% 检验水准下未发现离散程度不同；小样本时检验效能低，这并不证明方差相等。');
  }
  return { en, zh };
};
