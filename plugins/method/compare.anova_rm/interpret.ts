import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const sph = result.tables.sphericity?.rows[0];
  if (!t) return { en, zh };
  const y = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const w = String(t.term);
  const f = num(t.statistic);
  if (f === null) {
    en.push('The F statistic is undefined because the outcome does not vary within subjects; no test was possible.');
    zh.push('由于结局变量在受试者内没有变异，F 统计量无定义，无法进行检验。');
    return { en, zh };
  }
  const means = (result.tables.means?.rows ?? []).map((r) => `${r.level}: ${fmt(num(r.mean))}`).join('; ');
  en.push(`Among ${t.n_subjects} subjects measured at every level of ${w}, mean ${y} was ${means}.`);
  zh.push(`在 ${w} 各水平均有测量的 ${t.n_subjects} 名受试者中，${y} 的均值为：${means.replace(/; /g, '；')}。`);
  const eta = fmt(num(t.partial_eta_squared), 2);
  const gg = sph ? num(sph.gg_epsilon) : null;
  const violated = result.assumptions.find((a) => a.name.startsWith('Sphericity'))?.ok === false;
  const useGG = gg !== null && (violated || gg < 0.75);
  const p = useGG ? num(t.p_value_gg) : num(t.p_value);
  const df1 = num(t.df)!;
  const df2 = num(t.df_denom)!;
  const dfTxt = useGG ? `${fmt(df1 * gg!, 3)}, ${fmt(df2 * gg!, 3)}` : `${df1}, ${df2}`;
  const corr = useGG ? `, Greenhouse–Geisser corrected, ε = ${fmt(gg, 2)}` : '';
  const corrZh = useGG ? `，Greenhouse–Geisser 校正，ε = ${fmt(gg, 2)}` : '';
  const sig = (p ?? 1) < 0.05;
  en.push(`Mean ${y} ${sig ? 'changed' : 'did not change significantly'} across ${w} (F(${dfTxt}) = ${fmt(f)}, p ${fmtP(p)}${corr}; partial η² = ${eta}).`);
  zh.push(`${y} 的均值在 ${w} 各水平间${sig ? '存在变化' : '变化无统计学意义'}（F(${dfTxt}) = ${fmt(f)}，P ${fmtP(p)}${corrZh}；偏 η² = ${eta}）。`);
  en.push('The test shows that the means are not all equal, not which levels differ (use paired comparisons with a p-value adjustment); subjects with missing levels were excluded, which can bias results if dropout is related to the outcome.');
  zh.push('该检验只说明各水平均值不全相等，并不说明哪些水平之间不同（可用配对比较并校正 P 值）；有缺失水平的受试者已被排除，若脱落与结局有关，结果可能有偏倚。');
  return { en, zh };
};
