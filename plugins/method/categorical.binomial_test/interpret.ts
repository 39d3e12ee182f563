import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  if (!t) return { en, zh };
  const col = input.roles.column;
  const name = (Array.isArray(col) ? col[0] : col)?.name ?? 'the variable';
  const conf = Number(input.options.conf_level ?? 0.95);
  const p0 = Number(input.options.p ?? 0.5);
  const p = num(t.p_value);
  const est = num(t.estimate);
  const ci = `${fmtPct(conf)}% CI ${fmt(num(t.conf_low))} to ${fmt(num(t.conf_high))}`;
  const ciZh = `${fmtPct(conf)}% 置信区间 ${fmt(num(t.conf_low))} 至 ${fmt(num(t.conf_high))}`;
  en.push(`${t.statistic} of ${t.parameter} (${fmt(est === null ? null : est * 100)}%) had ${name} = the success level; proportion ${fmt(est)} (${ci}, Clopper–Pearson); exact binomial test against ${fmt(p0)}: p ${fmtP(p)}.`);
  zh.push(`${t.parameter} 例中有 ${t.statistic} 例（${fmt(est === null ? null : est * 100)}%）的 ${name} 为成功水平；比例为 ${fmt(est)}（${ciZh}，Clopper–Pearson 法）；与 ${fmt(p0)} 比较的精确二项检验：P ${fmtP(p)}。`);
  if (p !== null && p < 1 - conf) {
    en.push(`At the ${fmtPct(1 - conf)}% level the proportion differs from ${fmt(p0)}.`);
    zh.push(`在 ${fmtPct(1 - conf)}% 检验水准下，该比例与 ${fmt(p0)} 不同。`);
  } else {
    en.push(`At the ${fmtPct(1 - conf)}% level the data are compatible with a proportion of ${fmt(p0)}; proportions anywhere in the interval remain plausible.`);
    zh.push(`在 ${fmtPct(1 - conf)}% 检验水准下，数据与比例为 ${fmt(p0)} 相容；区间内的任何比例都仍然可能。`);
  }
  en.push('The exact test needs no large-sample approximation but assumes independent observations with a common probability.');
  zh.push('精确检验不依赖大样本近似，但要求观测相互独立且成功概率相同。');
  return { en, zh };
};
