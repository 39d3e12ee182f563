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
  const paired = Boolean(input.roles.y && !(Array.isArray(input.roles.y) && input.roles.y.length === 0));
  const label = result.tables.summary.title;
  const conf = Number(input.options.conf_level ?? 0.95);
  const mu = Number(input.options.mu ?? 0);
  const p = num(t.p_value);
  const est = num(t.estimate);
  const lo = num(t.conf_low);
  const hi = num(t.conf_high);
  en.push(`${label}: median ${fmt(num(s.median))} (IQR ${fmt(num(s.q1))} to ${fmt(num(s.q3))}), n = ${s.n}; ${s.n_positive} above and ${s.n_negative} below ${fmt(mu)}${Number(s.n_zero) ? `, ${s.n_zero} equal (dropped)` : ''}.`);
  zh.push(`${label}：中位数 ${fmt(num(s.median))}（IQR ${fmt(num(s.q1))} 至 ${fmt(num(s.q3))}），n = ${s.n}；${s.n_positive} 个大于 ${fmt(mu)}，${s.n_negative} 个小于${Number(s.n_zero) ? `，${s.n_zero} 个相等（剔除）` : ''}。`);
  const ci = lo !== null || hi !== null ? ` (${fmtPct(conf)}% CI ${lo === null ? '−∞' : fmt(lo)} to ${hi === null ? '∞' : fmt(hi)})` : '';
  const ciZh = lo !== null || hi !== null ? `（${fmtPct(conf)}% 置信区间 ${lo === null ? '−∞' : fmt(lo)} 至 ${hi === null ? '∞' : fmt(hi)}）` : '';
  en.push(`${String(t.method)}: V = ${fmt(num(t.statistic), 6)}, p ${fmtP(p)}${est !== null ? `; Hodges–Lehmann pseudomedian ${fmt(est)}${ci}` : ''}.`);
  zh.push(`Wilcoxon 符号秩检验：V = ${fmt(num(t.statistic), 6)}，P ${fmtP(p)}${est !== null ? `；Hodges–Lehmann 伪中位数为 ${fmt(est)}${ciZh}` : ''}。`);
  if (p !== null && p < 0.05) {
    en.push(`At the 5% level the ${paired ? 'differences are' : 'values are'} not centred at ${fmt(mu)}.`);
    zh.push(`在 5% 检验水准下，${paired ? '差值' : '数值'}的中心不等于 ${fmt(mu)}。`);
  } else {
    en.push(`At the 5% level the test did not show that the ${paired ? 'differences are' : 'values are'} centred away from ${fmt(mu)}; this does not prove ${paired ? 'that the measurements agree' : 'equality'}.`);
    zh.push(`在 5% 检验水准下，未发现${paired ? '差值' : '数值'}的中心偏离 ${fmt(mu)}；这并不证明${paired ? '两次测量一致' : '两者相等'}。`);
  }
  en.push('The signed-rank test uses the signs and ranks of the differences; it does not assume normality but does assume they are symmetric about their centre. A p-value does not measure clinical importance.');
  zh.push('符号秩检验利用差值的符号和秩；不要求正态分布，但假定差值关于中心对称。P 值不反映临床意义。');
  return { en, zh };
};
