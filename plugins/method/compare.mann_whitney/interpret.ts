import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const g = result.tables.groups?.rows ?? [];
  if (!t || g.length !== 2) return { en, zh };
  const outcome = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const [a, b] = g;
  const conf = Number(input.options.conf_level ?? 0.95);
  const alpha = 0.05;
  const p = num(t.p_value);
  const est = num(t.estimate);
  const lo = num(t.conf_low);
  const hi = num(t.conf_high);
  const mu = Number(input.options.mu ?? 0);
  en.push(
    `Median ${outcome} was ${fmt(num(a.median))} (IQR ${fmt(num(a.q1))}–${fmt(num(a.q3))}) in group “${a.group}” (n = ${a.n}) and ${fmt(num(b.median))} (IQR ${fmt(num(b.q1))}–${fmt(num(b.q3))}) in group “${b.group}” (n = ${b.n}).`,
  );
  zh.push(
    `组“${a.group}”（n = ${a.n}）的 ${outcome} 中位数为 ${fmt(num(a.median))}（IQR ${fmt(num(a.q1))}–${fmt(num(a.q3))}），组“${b.group}”（n = ${b.n}）为 ${fmt(num(b.median))}（IQR ${fmt(num(b.q1))}–${fmt(num(b.q3))}）。`,
  );
  const ci = lo !== null || hi !== null;
  const ciEn = ci ? ` (${fmtPct(conf)}% CI ${lo === null ? '−∞' : fmt(lo)} to ${hi === null ? '∞' : fmt(hi)})` : '';
  const ciZh = ci ? `（${fmtPct(conf)}% 置信区间 ${lo === null ? '−∞' : fmt(lo)} 至 ${hi === null ? '∞' : fmt(hi)}）` : '';
  en.push(
    `${String(t.method)}: W = ${fmt(num(t.statistic), 6)}, p ${fmtP(p)}${est !== null ? `; Hodges–Lehmann estimate of the shift (${a.group} − ${b.group}) ${fmt(est)}${ciEn}` : ''}.`,
  );
  zh.push(`Wilcoxon 秩和检验：W = ${fmt(num(t.statistic), 6)}，P ${fmtP(p)}${est !== null ? `；位置偏移（${a.group} − ${b.group}）的 Hodges–Lehmann 估计为 ${fmt(est)}${ciZh}` : ''}。`);
  if (p !== null && p < alpha) {
    en.push(`At the 5% level, values of ${outcome} tend to be ${(est ?? 0) >= mu ? 'higher' : 'lower'} in “${a.group}” than in “${b.group}”.`);
    zh.push(`在 5% 检验水准下，组“${a.group}”的 ${outcome} 倾向于${(est ?? 0) >= mu ? '高于' : '低于'}组“${b.group}”。`);
  } else {
    en.push(`At the 5% level the test did not show a difference between the groups; this does not prove that they are equal.`);
    zh.push('在 5% 检验水准下未发现两组间差异；这并不证明两组相同。');
  }
  en.push('The rank-sum test compares whole distributions (whether one group tends to have larger values), not means; it does not assume normality, but the shift estimate assumes similarly shaped distributions, and a p-value says nothing about clinical importance.');
  zh.push('秩和检验比较的是整体分布（一组是否倾向于取更大的值），而非均值；它不要求正态分布，但位置偏移估计假定两组分布形状相似；P 值不反映临床意义。');
  return { en, zh };
};
