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
  const k = nameOf(input, 'layer', 'the strata');
  const conf = Number(input.options.conf_level ?? 0.95);
  const pct = `${Math.round(conf * 1000) / 10}%`;
  const exact = Boolean(input.options.exact ?? false);
  const p = num(t.p_value);
  const ci = `${pct} CI ${fmt(num(t.conf_low))} to ${t.conf_high === null ? '∞' : fmt(num(t.conf_high))}`;
  const ciZh = `${pct} CI ${fmt(num(t.conf_low))}～${t.conf_high === null ? '∞' : fmt(num(t.conf_high))}`;
  const est = t.estimate === null ? 'undefined' : fmt(num(t.estimate));
  const test = exact ? `exact conditional test p ${fmtP(p)}` : `χ²_MH(1) = ${fmt(num(t.statistic))}, p ${fmtP(p)}`;
  const testZh = exact ? `精确条件检验 P ${fmtP(p)}` : `χ²_MH(1) = ${fmt(num(t.statistic))}，P ${fmtP(p)}`;
  en.push(`Stratified by ${k}, the ${exact ? 'conditional maximum likelihood' : 'Mantel–Haenszel'} common odds ratio of ${c} for ${r} was ${est} (${ci}); ${test}.`);
  zh.push(`按 ${k} 分层后，${r} 与 ${c} 的${exact ? '条件最大似然' : ' Mantel–Haenszel '}公共比值比为 ${est}（${ciZh}）；${testZh}。`);
  if (p !== null && p < 0.05) {
    en.push(`At the 5% level ${r} and ${c} are associated after adjusting for ${k}.`);
    zh.push(`在 5% 检验水准下，调整 ${k} 后 ${r} 与 ${c} 相关。`);
  } else {
    en.push(`At the 5% level there was no evidence of an association between ${r} and ${c} after adjusting for ${k}; this does not show that there is none.`);
    zh.push(`在 5% 检验水准下，调整 ${k} 后没有证据表明 ${r} 与 ${c} 相关；这并不说明二者无关。`);
  }
  const bd = result.assumptions.find((a) => a.name.startsWith('Homogeneity'));
  if (bd && bd.ok === false) {
    en.push(`The odds ratios differ between strata (Breslow–Day p ${fmtP(bd.p_value ?? null)}), so the common odds ratio hides effect modification; report the stratum-specific odds ratios.`);
    zh.push(`各层比值比不同（Breslow–Day P ${fmtP(bd.p_value ?? null)}），公共比值比掩盖了效应修饰；应报告分层比值比。`);
  } else {
    en.push('The test controls for confounding by the strata only; it assumes one odds ratio common to all strata and does not adjust for other variables.');
    zh.push('该检验只控制分层变量的混杂；它假定各层比值比相同，不调整其他变量。');
  }
  return { en, zh };
};
