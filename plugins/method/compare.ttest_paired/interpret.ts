import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const nameOf = (c: unknown, dflt: string) => ((Array.isArray(c) ? c[0] : c) as { name?: string } | undefined)?.name ?? dflt;

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const rows = result.tables.summary?.rows ?? [];
  if (!t || rows.length !== 3) return { en, zh };
  const x = nameOf(input.roles.x, 'x');
  const y = nameOf(input.roles.y, 'y');
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
  const n = rows[2].n;
  en.push(
    `In ${n} pairs, mean ${x} was ${fmt(num(rows[0].mean))} (SD ${fmt(num(rows[0].sd))}) and mean ${y} was ${fmt(num(rows[1].mean))} (SD ${fmt(num(rows[1].sd))}); the mean difference (${x} − ${y}) was ${fmt(est)} (SD ${fmt(num(rows[2].sd))}; ${pct}% CI ${lo === null ? '−∞' : fmt(lo)} to ${hi === null ? '∞' : fmt(hi)}).`,
  );
  zh.push(
    `${n} 对数据中，${x} 的均值为 ${fmt(num(rows[0].mean))}（标准差 ${fmt(num(rows[0].sd))}），${y} 的均值为 ${fmt(num(rows[1].mean))}（标准差 ${fmt(num(rows[1].sd))}）；差值（${x} − ${y}）均值为 ${fmt(est)}（标准差 ${fmt(num(rows[2].sd))}；${pct}% 置信区间 ${lo === null ? '−∞' : fmt(lo)} 至 ${hi === null ? '∞' : fmt(hi)}）。`,
  );
  if (stat === null || p === null) {
    en.push('Every pair differs by the same amount, so the t statistic is undefined and no test was possible.');
    zh.push('每一对的差值都相同，t 统计量无定义，无法进行检验。');
    en.push('A paired t-test compares the mean difference with μ; it needs the differences to vary.');
    zh.push('配对 t 检验将差值均值与 μ 比较，需要差值存在变异。');
    return { en, zh };
  }
  en.push(`Paired t-test: t(${fmt(num(t.df), 4)}) = ${fmt(stat)}, p ${fmtP(p)}${alt === 'two.sided' ? '' : ` (one-sided, H1: mean difference ${alt === 'less' ? '<' : '>'} ${fmt(mu)})`}.`);
  zh.push(`配对 t 检验：t(${fmt(num(t.df), 4)}) = ${fmt(stat)}，P ${fmtP(p)}${alt === 'two.sided' ? '' : `（单侧，H1：差值均值 ${alt === 'less' ? '<' : '>'} ${fmt(mu)}）`}。`);
  if (p < alpha) {
    en.push(`At the ${fmtPct(alpha)}% level the mean difference differs from ${fmt(mu)}; the confidence interval gives the range of mean differences compatible with the data.`);
    zh.push(`在 ${fmtPct(alpha)}% 检验水准下，差值均值与 ${fmt(mu)} 的差异有统计学意义；置信区间给出了与数据相容的差值均值范围。`);
  } else {
    en.push(`At the ${fmtPct(alpha)}% level the test did not reject a mean difference of ${fmt(mu)}. This does not show that the measurements agree: any mean difference in the confidence interval remains compatible with the data.`);
    zh.push(`在 ${fmtPct(alpha)}% 检验水准下，未能拒绝差值均值为 ${fmt(mu)} 的假设。这并不表示两次测量一致：置信区间内的任何差值均值都与数据相容。`);
  }
  en.push('The test concerns the average within-subject change; it does not show that every subject changed, and without a control group a change over time cannot be attributed to treatment (regression to the mean, natural course).');
  zh.push('该检验只涉及对象内变化的平均值，并不表示每个对象都发生了变化；没有对照组时，随时间的变化不能归因于治疗（可能是均值回归或自然病程）。');
  return { en, zh };
};
