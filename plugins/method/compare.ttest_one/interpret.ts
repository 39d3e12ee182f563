import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const s = result.tables.summary?.rows[0];
  if (!t || !s) return { en, zh };
  const col = Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome;
  const name = col?.name ?? 'the outcome';
  const conf = Number(input.options.conf_level ?? 0.95);
  const mu = Number(input.options.mu ?? 0);
  const alt = String(input.options.alternative ?? 'two.sided');
  const alpha = 1 - conf;
  const pct = fmtPct(conf);
  const lo = num(t.conf_low);
  const hi = num(t.conf_high);
  const p = num(t.p_value);
  const stat = num(t.statistic);
  const est = num(t.estimate);
  en.push(`The mean ${name} was ${fmt(est)} (SD ${fmt(num(s.sd))}, n = ${s.n}; ${pct}% CI ${lo === null ? '−∞' : fmt(lo)} to ${hi === null ? '∞' : fmt(hi)}), compared with a reference value of ${fmt(mu)}.`);
  zh.push(`${name} 的均值为 ${fmt(est)}（标准差 ${fmt(num(s.sd))}，n = ${s.n}；${pct}% 置信区间 ${lo === null ? '−∞' : fmt(lo)} 至 ${hi === null ? '∞' : fmt(hi)}），参考值为 ${fmt(mu)}。`);
  if (stat === null || p === null) {
    en.push('The t statistic is undefined because the values do not vary; no test was possible.');
    zh.push('由于数据没有变异，t 统计量无定义，无法进行检验。');
    en.push('A one-sample t-test compares a mean with a fixed value; it needs variation in the data.');
    zh.push('单样本 t 检验将均值与一个固定值比较，需要数据存在变异。');
    return { en, zh };
  }
  en.push(`One-sample t-test: t(${fmt(num(t.df), 4)}) = ${fmt(stat)}, p ${fmtP(p)}${alt === 'two.sided' ? '' : ` (one-sided, H1: mean ${alt === 'less' ? '<' : '>'} ${fmt(mu)})`}.`);
  zh.push(`单样本 t 检验：t(${fmt(num(t.df), 4)}) = ${fmt(stat)}，P ${fmtP(p)}${alt === 'two.sided' ? '' : `（单侧，H1：均值 ${alt === 'less' ? '<' : '>'} ${fmt(mu)}）`}。`);
  if (p < alpha) {
    en.push(`At the ${fmtPct(alpha)}% level the mean differs from ${fmt(mu)}${est !== null ? ` (it is ${est > mu ? 'higher' : 'lower'} by ${fmt(Math.abs(est - mu))})` : ''}; the confidence interval gives the range of means compatible with the data.`);
    zh.push(`在 ${fmtPct(alpha)}% 检验水准下，均值与 ${fmt(mu)} 的差异有统计学意义${est !== null ? `（${est > mu ? '高' : '低'} ${fmt(Math.abs(est - mu))}）` : ''}；置信区间给出了与数据相容的均值范围。`);
  } else {
    en.push(`At the ${fmtPct(alpha)}% level the test did not reject a mean of ${fmt(mu)}. This does not show that the mean equals ${fmt(mu)}: any value in the confidence interval remains compatible with the data.`);
    zh.push(`在 ${fmtPct(alpha)}% 检验水准下，未能拒绝均值为 ${fmt(mu)} 的假设。这并不表示均值就等于 ${fmt(mu)}：置信区间内的任何值都与数据相容。`);
  }
  en.push('The test concerns the mean only, not individual values or the spread; it assumes independent observations and, at small n, roughly normal data. A p-value does not measure clinical importance.');
  zh.push('该检验只涉及均值，不涉及个体值或离散程度；它假定观测相互独立，并在小样本时要求数据近似正态。P 值不反映临床意义。');
  return { en, zh };
};
