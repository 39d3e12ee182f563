import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const groups = result.tables.groups?.rows ?? [];
  if (!t || groups.length !== 2) return { en, zh };
  const outcome = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const g1 = String(groups[0].group);
  const g2 = String(groups[1].group);
  const n1 = groups[0].n;
  const n2 = groups[1].n;
  const conf = Number(input.options.conf_level ?? 0.95);
  const mu = Number(input.options.mu ?? 0);
  const alt = String(input.options.alternative ?? 'two.sided');
  const alpha = 1 - conf;
  const est = num(t.estimate)!;
  const lo = num(t.conf_low);
  const hi = num(t.conf_high);
  const p = num(t.p_value);
  const stat = num(t.statistic);
  const df = num(t.df);
  const welch = String(t.method).startsWith('Welch');
  const pct = fmtPct(conf);
  const ciEn = `${pct}% CI ${lo === null ? '−∞' : fmt(lo)} to ${hi === null ? '∞' : fmt(hi)}`;
  const ciZh = `${pct}% 置信区间 ${lo === null ? '−∞' : fmt(lo)} 至 ${hi === null ? '∞' : fmt(hi)}`;

  en.push(
    `Mean ${outcome} was ${fmt(num(t.estimate1))} in group “${g1}” (n = ${n1}) and ${fmt(num(t.estimate2))} in group “${g2}” (n = ${n2}); the difference (${g1} − ${g2}) is ${fmt(est)} (${ciEn}).`,
  );
  zh.push(
    `组“${g1}”（n = ${n1}）的 ${outcome} 均值为 ${fmt(num(t.estimate1))}，组“${g2}”（n = ${n2}）为 ${fmt(num(t.estimate2))}；差值（${g1} − ${g2}）为 ${fmt(est)}（${ciZh}）。`,
  );
  if (est !== 0) {
    en.push(`On average, “${g1}” was ${est > 0 ? 'higher' : 'lower'} than “${g2}” by ${fmt(Math.abs(est))}.`);
    zh.push(`平均而言，组“${g1}”比组“${g2}”${est > 0 ? '高' : '低'} ${fmt(Math.abs(est))}。`);
  }
  if (stat === null || p === null) {
    en.push('The t statistic is undefined because the outcome does not vary within the groups; no test was possible.');
    zh.push('由于结局变量在组内没有变异，t 统计量无定义，无法进行检验。');
    return { en, zh };
  }
  const testEn = welch ? 'Welch’s t-test (not assuming equal variances)' : 'Student’s t-test (assuming equal variances)';
  const testZh = welch ? 'Welch t 检验（不假定方差相等）' : 'Student t 检验（假定方差相等）';
  const hypEn = alt === 'two.sided' ? `a difference of ${fmt(mu)}` : alt === 'less' ? `the one-sided hypothesis that the difference is at least ${fmt(mu)}` : `the one-sided hypothesis that the difference is at most ${fmt(mu)}`;
  const hypZh = alt === 'two.sided' ? `差值为 ${fmt(mu)} 的假设` : alt === 'less' ? `差值不小于 ${fmt(mu)} 的单侧原假设` : `差值不大于 ${fmt(mu)} 的单侧原假设`;
  en.push(`${testEn}: t(${fmt(df, 4)}) = ${fmt(stat)}, p ${fmtP(p)}.`);
  zh.push(`${testZh}：t(${fmt(df, 4)}) = ${fmt(stat)}，P ${fmtP(p)}。`);
  if (p < alpha) {
    en.push(
      `At the ${fmtPct(alpha)}% level the data are not compatible with ${hypEn}; the confidence interval gives the range of differences compatible with the data.`,
    );
    zh.push(`在 ${fmtPct(alpha)}% 检验水准下，数据与${hypZh}不相容；置信区间给出了与数据相容的差值范围。`);
  } else {
    en.push(
      `At the ${fmtPct(alpha)}% level the test did not reject ${hypEn}. This does not show that the groups are equal: differences anywhere in the confidence interval remain compatible with the data.`,
    );
    zh.push(`在 ${fmtPct(alpha)}% 检验水准下，未能拒绝${hypZh}。这并不表示两组相同：置信区间内的任何差值都与数据相容。`);
  }
  en.push('A p-value does not measure the size or clinical importance of a difference; judge the interval against the smallest difference that would matter clinically. The comparison shows association, not causation, unless groups were randomised.');
  zh.push('P 值不反映差异的大小或临床意义；应将置信区间与有临床意义的最小差值相比较。除非分组是随机化的，该比较只说明关联而非因果。');
  return { en, zh };
};
