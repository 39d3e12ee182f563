import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';
import { covariateColumns, ratioText, termInfo } from './glm-common';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const MAX_TERMS = 12;

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const tidy = result.tables.tidy;
  const g = result.tables.glance?.rows[0];
  if (!tidy || !g) return { en, zh };
  const outcome = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const evNote = tidy.notes?.[0] ?? '';
  const event = /= (.*) \(\d+ of/.exec(evNote)?.[1] ?? '1';
  const conf = Number(input.options.conf_level ?? 0.95);
  const pct = fmtPct(conf);
  const oddsEn = `odds of ${outcome} = ${event}`;
  const oddsZh = `${outcome} = ${event} 的比值（odds）`;
  const info = new Map(termInfo(covariateColumns(input.roles.covariates)).map((t) => [t.term, t]));

  en.push(`Logistic regression of ${outcome} = ${event} on ${covariateColumns(input.roles.covariates).map((c) => c.name).join(', ')} (n = ${g.nobs}, ${g.n_event} events).`);
  zh.push(`以 ${covariateColumns(input.roles.covariates).map((c) => c.name).join('、')} 对 ${outcome} = ${event} 进行 Logistic 回归（n = ${g.nobs}，事件 ${g.n_event} 例）。`);

  let shown = 0;
  for (const r of tidy.rows) {
    const term = String(r.term);
    if (term === '(Intercept)') continue;
    if (shown++ >= MAX_TERMS) break;
    const t = info.get(term);
    const or = num(r.exp_estimate);
    if (or === null) {
      en.push(`${term} could not be estimated (collinear with other covariates).`);
      zh.push(`${term} 无法估计（与其他自变量共线）。`);
      continue;
    }
    const lo = num(r.exp_conf_low);
    const hi = num(r.exp_conf_high);
    const p = num(r.p_value);
    const rt = ratioText(or, (x) => fmt(x));
    const stats = `OR ${fmt(or)}, ${pct}% CI ${fmt(lo)}–${fmt(hi)}; p ${fmtP(p)}`;
    const statsZh = `OR ${fmt(or)}，${pct}% CI ${fmt(lo)}–${fmt(hi)}；P ${fmtP(p)}`;
    if (t?.kind === 'factor') {
      en.push(`${t.variable} = ${t.level} (vs ${t.reference}) was associated with ${rt.en} odds of ${outcome} = ${event} (${stats}).`);
      zh.push(`与 ${t.variable} = ${t.reference} 相比，${t.variable} = ${t.level} 者 ${oddsZh}${rt.zh}（${statsZh}）。`);
    } else {
      en.push(`Each one-unit increase in ${term} was associated with ${rt.en} ${oddsEn} (${stats}).`);
      zh.push(`${term} 每增加 1 个单位，${oddsZh}${rt.zh}（${statsZh}）。`);
    }
  }
  if (shown > MAX_TERMS) {
    en.push(`(${tidy.rows.length - 1 - MAX_TERMS} further terms are in the table.)`);
    zh.push(`（其余 ${tidy.rows.length - 1 - MAX_TERMS} 项见表格。）`);
  }
  const lr = num(g.statistic);
  en.push(`Overall, the covariates ${num(g.p_value) !== null && num(g.p_value)! < 1 - conf ? 'improved' : 'did not clearly improve'} the fit over an intercept-only model (likelihood-ratio χ² = ${fmt(lr)}, df = ${g.df}, p ${fmtP(num(g.p_value))}).`);
  zh.push(`总体上，与仅含截距的模型相比，自变量${num(g.p_value) !== null && num(g.p_value)! < 1 - conf ? '改善了' : '未明显改善'}模型拟合（似然比 χ² = ${fmt(lr)}，自由度 = ${g.df}，P ${fmtP(num(g.p_value))}）。`);
  const a = num(result.tables.auc?.rows[0]?.auc);
  if (a !== null) {
    en.push(`Apparent discrimination: AUC (C statistic) = ${fmt(a)}${a < 0.7 ? ' (weak)' : a < 0.8 ? ' (acceptable)' : ' (good)'}; it is optimistic for new patients until validated.`);
    zh.push(`表观区分度：AUC（C 统计量）= ${fmt(a)}${a < 0.7 ? '（较弱）' : a < 0.8 ? '（可接受）' : '（良好）'}；未经验证时对新患者偏乐观。`);
  }
  if (result.warnings.some((w) => w.code === 'separation')) {
    en.push('Warning: fitted probabilities of 0 or 1 occurred (separation); the odds ratios of the separating covariates are not reliable.');
    zh.push('警告：出现 0 或 1 的拟合概率（分离）；造成分离的自变量的比值比不可靠。');
  }
  en.push('Odds ratios are adjusted for the other covariates in the model and describe association, not causation; an odds ratio overstates the risk ratio when the outcome is common (> 10%).');
  zh.push('比值比已调整模型中的其他自变量，反映关联而非因果；当结局较常见（> 10%）时，比值比会高估风险比。');
  return { en, zh };
};
