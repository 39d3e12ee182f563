import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';
import { covariateColumns, ratioText, termInfo } from '../regress.logistic/glm-common';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const MAX_TERMS = 12;

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const tidy = result.tables.tidy;
  const g = result.tables.glance?.rows[0];
  if (!tidy || !g) return { en, zh };
  const one = (c: unknown) => (Array.isArray(c) ? c[0] : c) as { name: string } | undefined;
  const outcome = one(input.roles.outcome)?.name ?? 'the outcome';
  const exposure = one(input.roles.exposure)?.name;
  const conf = Number(input.options.conf_level ?? 0.95);
  const pct = fmtPct(conf);
  const cols = covariateColumns(input.roles.covariates);
  const info = new Map(termInfo(cols).map((t) => [t.term, t]));
  const rateEn = exposure ? `rate of ${outcome} per unit of ${exposure}` : `expected count of ${outcome}`;
  const rateZh = exposure ? `每单位 ${exposure} 的 ${outcome} 率` : `${outcome} 的期望计数`;

  en.push(`Poisson regression of ${outcome}${exposure ? ` with exposure ${exposure} (offset log(${exposure}))` : ''} on ${cols.map((c) => c.name).join(', ')} (n = ${g.nobs}).`);
  zh.push(`以 ${cols.map((c) => c.name).join('、')} 对 ${outcome} 进行 Poisson 回归${exposure ? `（暴露量 ${exposure}，偏移量 log(${exposure})）` : ''}（n = ${g.nobs}）。`);
  let shown = 0;
  for (const r of tidy.rows) {
    const term = String(r.term);
    if (term === '(Intercept)') continue;
    if (shown++ >= MAX_TERMS) break;
    const rr = num(r.exp_estimate);
    if (rr === null) {
      en.push(`${term} could not be estimated (collinear with other covariates, or diverging).`);
      zh.push(`${term} 无法估计（与其他自变量共线，或估计值发散）。`);
      continue;
    }
    const t = info.get(term);
    const rt = ratioText(rr, (x) => fmt(x));
    const stats = `RR ${fmt(rr)}, ${pct}% CI ${fmt(num(r.exp_conf_low))}–${fmt(num(r.exp_conf_high))}; p ${fmtP(num(r.p_value))}`;
    const statsZh = `RR ${fmt(rr)}，${pct}% CI ${fmt(num(r.exp_conf_low))}–${fmt(num(r.exp_conf_high))}；P ${fmtP(num(r.p_value))}`;
    if (t?.kind === 'factor') {
      en.push(`${t.variable} = ${t.level} (vs ${t.reference}) was associated with a ${rt.en} ${rateEn} (${stats}).`.replace(/a (\d+(\.\d+)?) times the/, '$1 times the'));
      zh.push(`与 ${t.variable} = ${t.reference} 相比，${t.variable} = ${t.level} 者${rateZh}${rt.zh}（${statsZh}）。`);
    } else {
      en.push(`Each one-unit increase in ${term} was associated with a ${rt.en} ${rateEn} (${stats}).`.replace(/a (\d+(\.\d+)?) times the/, '$1 times the'));
      zh.push(`${term} 每增加 1 个单位，${rateZh}${rt.zh}（${statsZh}）。`);
    }
  }
  if (shown > MAX_TERMS) {
    en.push(`(${tidy.rows.length - 1 - MAX_TERMS} further terms are in the table.)`);
    zh.push(`（其余 ${tidy.rows.length - 1 - MAX_TERMS} 项见表格。）`);
  }
  const p = num(g.p_value);
  en.push(`Overall, the covariates ${p !== null && p < 1 - conf ? 'improved' : 'did not clearly improve'} the fit over an intercept-only model (likelihood-ratio χ² = ${fmt(num(g.statistic))}, df = ${g.df}, p ${fmtP(p)}).`);
  zh.push(`总体上，与仅含截距的模型相比，自变量${p !== null && p < 1 - conf ? '改善了' : '未明显改善'}模型拟合（似然比 χ² = ${fmt(num(g.statistic))}，自由度 = ${g.df}，P ${fmtP(p)}）。`);
  const od = result.assumptions.find((a) => a.name.startsWith('Overdispersion'));
  if (od && od.ok === false) {
    en.push(`Caution: the counts are overdispersed (Pearson χ²/df = ${fmt(od.statistic ?? null)}), so these confidence intervals are too narrow and p-values too small; refit with quasi-Poisson or negative binomial regression.`);
    zh.push(`注意：计数存在过度离散（Pearson χ²/自由度 = ${fmt(od.statistic ?? null)}），上述置信区间过窄、P 值偏小；请用拟泊松或负二项回归重新拟合。`);
  }
  en.push('Rate ratios are adjusted for the other covariates in the model and describe association, not causation; the model assumes the variance equals the mean and that events occur independently.');
  zh.push('率比已调整模型中的其他自变量，反映关联而非因果；模型假定方差等于均值且事件相互独立。');
  return { en, zh };
};
