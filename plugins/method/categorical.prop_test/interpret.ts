import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const groups = result.tables.groups?.rows ?? [];
  if (!t) return { en, zh };
  const conf = Number(input.options.conf_level ?? 0.95);
  const p = num(t.p_value);
  const pc = (v: CellValue | undefined) => `${fmt((num(v) ?? NaN) * 100)}%`;
  const desc = groups.map((g) => `${g.group === 'all' && groups.length === 1 ? '' : `${g.group}: `}${g.x}/${g.n} (${pc(g.estimate)})`).join('; ');
  const ci = `${fmtPct(conf)}% CI ${fmt(num(t.conf_low))} to ${fmt(num(t.conf_high))}`;
  const ciZh = `${fmtPct(conf)}% 置信区间 ${fmt(num(t.conf_low))} 至 ${fmt(num(t.conf_high))}`;
  if (groups.length === 1) {
    en.push(`Proportion ${desc}, ${ci}; test against ${fmt(Number(input.options.p ?? 0.5))}: χ²(1) = ${fmt(num(t.statistic))}, p ${fmtP(p)}.`);
    zh.push(`比例 ${desc}，${ciZh}；与 ${fmt(Number(input.options.p ?? 0.5))} 比较：χ²(1) = ${fmt(num(t.statistic))}，P ${fmtP(p)}。`);
  } else if (groups.length === 2) {
    en.push(`Proportions ${desc}; difference ${fmt(num(t.estimate))} (${ci}); χ²(1) = ${fmt(num(t.statistic))}, p ${fmtP(p)}.`);
    zh.push(`各组比例 ${desc}；率差 ${fmt(num(t.estimate))}（${ciZh}）；χ²(1) = ${fmt(num(t.statistic))}，P ${fmtP(p)}。`);
  } else {
    en.push(`Proportions ${desc}; test of equal proportions: χ²(${t.df}) = ${fmt(num(t.statistic))}, p ${fmtP(p)}.`);
    zh.push(`各组比例 ${desc}；等比例检验：χ²(${t.df}) = ${fmt(num(t.statistic))}，P ${fmtP(p)}。`);
  }
  if (p !== null && p < 1 - conf) {
    en.push(`At the ${fmtPct(1 - conf)}% level the null hypothesis of ${groups.length === 1 ? 'the given proportion' : 'equal proportions'} is rejected.`);
    zh.push(`在 ${fmtPct(1 - conf)}% 检验水准下，拒绝${groups.length === 1 ? '比例等于给定值' : '各组比例相等'}的原假设。`);
  } else {
    en.push(`At the ${fmtPct(1 - conf)}% level the null hypothesis was not rejected; this does not show that the proportions are equal.`);
    zh.push(`在 ${fmtPct(1 - conf)}% 检验水准下，未能拒绝原假设；这并不说明比例相等。`);
  }
  en.push('The test uses a large-sample chi-square approximation; it shows association with the group, not causation.');
  zh.push('该检验基于大样本卡方近似；它只说明与分组的关联，而非因果。');
  return { en, zh };
};
