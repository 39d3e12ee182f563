import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.tidy?.rows ?? [];
  const g = result.tables.glance?.rows[0];
  if (!rows.length || !g) return { en, zh };
  const pct = fmtPct(Number(input.options.conf_level ?? 0.95));
  const cov = (Array.isArray(input.roles.covariates) ? input.roles.covariates : input.roles.covariates ? [input.roles.covariates] : []);
  const numericNames = new Set(cov.filter((c) => c.kind === 'numeric' || ['numeric', 'integer'].includes(c.type)).map((c) => c.name));
  en.push(`Cox model on ${g.nobs} subjects with ${g.n_event} events.`);
  zh.push(`Cox 模型纳入 ${g.nobs} 例，其中 ${g.n_event} 例发生事件。`);
  for (const r of rows) {
    const hr = num(r.exp_estimate);
    const lo = num(r.exp_conf_low);
    const hi = num(r.exp_conf_high);
    const p = num(r.p_value);
    const term = String(r.term);
    if (hr === null || lo === null || hi === null) {
      en.push(`No hazard ratio could be estimated for ${term}.`);
      zh.push(`${term} 无法估计风险比。`);
      continue;
    }
    const dir = hr > 1 ? 'higher' : hr < 1 ? 'lower' : 'the same';
    const dirZh = hr > 1 ? '较高' : hr < 1 ? '较低' : '相同';
    const stats = `HR ${fmt(hr, 3)}, ${pct}% CI ${fmt(lo, 3)}–${fmt(hi, 3)}; p ${fmtP(p)}`;
    const statsZh = `HR ${fmt(hr, 3)}，${pct}% CI ${fmt(lo, 3)}–${fmt(hi, 3)}；P ${fmtP(p)}`;
    if (numericNames.has(term)) {
      en.push(`Patients with ${term} one unit higher had a ${dir} hazard of the event (${stats}), adjusted for the other covariates.`);
      zh.push(`在校正其他协变量后，${term} 每增加 1 个单位，事件风险${dirZh}（${statsZh}）。`);
    } else {
      en.push(`Patients in category ${term} had a ${dir} hazard of the event than the reference category (${stats}), adjusted for the other covariates.`);
      zh.push(`在校正其他协变量后，${term} 组的事件风险较参照组${dirZh}（${statsZh}）。`);
    }
  }
  const c = num(g.concordance);
  en.push(`Overall: likelihood-ratio χ²(${g.df}) = ${fmt(num(g.statistic_log))}, p ${fmtP(num(g.p_value_log))}${c !== null ? `; concordance ${fmt(c, 3)} (0.5 = no discrimination, 1 = perfect)` : ''}.`);
  zh.push(`整体：似然比 χ²(${g.df}) = ${fmt(num(g.statistic_log))}，P ${fmtP(num(g.p_value_log))}${c !== null ? `；一致性指数 ${fmt(c, 3)}（0.5 = 无区分能力，1 = 完全区分）` : ''}。`);
  en.push('A hazard ratio compares instantaneous event rates and assumes they stay proportional over follow-up (see the proportional-hazards check); it shows association, not causation, and does not by itself give absolute risks or survival times.');
  zh.push('风险比比较的是瞬时事件率，并假定其在随访期间保持成比例（见比例风险检验）；它说明关联而非因果，本身也不给出绝对风险或生存时间。');
  return { en, zh };
};
