import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const nameOf = (input: RunInput, role: string, dflt: string) => {
  const c = input.roles[role];
  return (Array.isArray(c) ? c[0] : c)?.name ?? dflt;
};

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  if (!t) return { en, zh };
  const r = nameOf(input, 'row', 'the row variable');
  const c = nameOf(input, 'column', 'the column variable');
  const p = num(t.p_value);
  const v = num(t.cramers_v);
  const yates = String(t.method).includes('Yates');
  en.push(
    `The association between ${r} and ${c} was tested with Pearson’s chi-square test${yates ? ' with Yates’ continuity correction' : ''}: χ²(${t.df}) = ${fmt(num(t.statistic))}, p ${fmtP(p)}, N = ${fmt(num(t.n), 6)}; Cramér’s V = ${fmt(v, 2)}.`,
  );
  zh.push(
    `采用 Pearson 卡方检验${yates ? '（Yates 连续性校正）' : ''}分析 ${r} 与 ${c} 的关联：χ²(${t.df}) = ${fmt(num(t.statistic))}，P ${fmtP(p)}，N = ${fmt(num(t.n), 6)}；Cramér V = ${fmt(v, 2)}。`,
  );
  if (p !== null && p < 0.05) {
    en.push(`At the 5% level the distribution of ${c} differs between the categories of ${r}; cells with standardized residuals beyond ±2 show where.`);
    zh.push(`在 5% 检验水准下，${c} 的分布在 ${r} 各类别间不同；标准化残差绝对值大于 2 的单元格指出差异所在。`);
  } else {
    en.push(`At the 5% level there was no evidence of an association between ${r} and ${c}; this does not prove independence, especially in a small sample.`);
    zh.push(`在 5% 检验水准下，没有证据表明 ${r} 与 ${c} 相关；但这并不证明两者独立，小样本时尤其如此。`);
  }
  const bad = result.assumptions.find((a) => a.ok === false);
  if (bad) {
    en.push('Some expected counts are small, so the chi-square p-value may be inaccurate; Fisher’s exact test is preferable.');
    zh.push('部分期望频数偏小，卡方检验的 P 值可能不准确，建议使用 Fisher 精确检验。');
  }
  en.push('The test shows whether the variables are associated, not how strongly or in which direction, and not causation; Cramér’s V (0 to 1) describes the strength.');
  zh.push('该检验只说明变量间是否存在关联，不说明关联的强度、方向或因果关系；Cramér V（0 至 1）描述关联强度。');
  return { en, zh };
};
