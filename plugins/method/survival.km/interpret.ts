import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const med = result.tables.median_survival?.rows ?? [];
  if (!med.length) return { en, zh };
  const conf = Number(input.options.conf_level ?? 0.95);
  const pct = fmtPct(conf);
  const timeName = (Array.isArray(input.roles.time) ? input.roles.time[0] : input.roles.time)?.name ?? 'time';
  for (const r of med) {
    const who = r.strata !== undefined ? `In group “${r.strata}”` : 'Overall';
    const whoZh = r.strata !== undefined ? `组“${r.strata}”中` : '总体';
    const m = num(r.median);
    const lo = num(r.conf_low);
    const hi = num(r.conf_high);
    const ci = `${pct}% CI ${lo === null ? 'not reached' : fmt(lo)} to ${hi === null ? 'not reached' : fmt(hi)}`;
    const ciZh = `${pct}% 置信区间 ${lo === null ? '未达到' : fmt(lo)} 至 ${hi === null ? '未达到' : fmt(hi)}`;
    if (m === null) {
      en.push(`${who}, ${r.events} of ${r.n} subjects had the event; median survival was not reached (more than half were event-free at the end of follow-up).`);
      zh.push(`${whoZh}，${r.n} 例中 ${r.events} 例发生事件；中位生存时间未达到（随访结束时超过一半未发生事件）。`);
    } else {
      en.push(`${who}, ${r.events} of ${r.n} subjects had the event; median survival was ${fmt(m)} (${ciZh ? ci : ''}, in units of ${timeName}).`);
      zh.push(`${whoZh}，${r.n} 例中 ${r.events} 例发生事件；中位生存时间为 ${fmt(m)}（${ciZh}，单位同 ${timeName}）。`);
    }
  }
  en.push('Kaplan–Meier curves describe survival over time allowing for censoring; they assume censoring is unrelated to prognosis. Differences between curves are not tested here (use the log-rank test) and are not adjusted for other factors.');
  zh.push('Kaplan–Meier 曲线在考虑删失的情况下描述生存随时间的变化，假定删失与预后无关。此处未对曲线间差异进行检验（请用 log-rank 检验），也未校正其他因素。');
  return { en, zh };
};
