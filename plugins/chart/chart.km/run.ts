import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultWarning } from '$core/results/types';
import { atRiskAt, atRiskTimes, kmFigure } from '$core/results/figures/km-figure';
import { kaplanMeier } from '$core/stats/survival/kaplan-meier';
import { isIssue } from '$core/stats/survival/event';
import { prepareSurv } from '$core/stats/survival/prepare';

export function validate(input: RunInput): InputIssue[] {
  const p = prepareSurv(input, 'strata');
  if (isIssue(p)) return [p];
  if (p.time.length === 0) return [{ code: 'no_rows', message: { en: 'No rows to plot.', zh: '没有可绘制的行。' } }];
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepareSurv(input, 'strata');
  if (isIssue(p)) throw new Error(p.message.en);
  const names = p.groups ? p.groups.levels : [''];
  const fits = p.groups ? kaplanMeier(p.time, p.ev.event, p.groups.codes, names.length) : kaplanMeier(p.time, p.ev.event, null, 1);
  const ticks = atRiskTimes(fits);
  const rows: Record<string, CellValue>[] = [];
  fits.forEach((f, g) => {
    const nr = atRiskAt(f, ticks);
    ticks.forEach((t, k) => rows.push({ ...(p.groups ? { strata: names[g] } : {}), time: t, n_risk: nr[k] }));
  });
  const warnings: ResultWarning[] = [];
  if (fits.every((f) => f.events === 0)) {
    warnings.push({ code: 'no_events', message: `No events in “${p.eventName}”: every curve stays at 1.`, message_zh: `“${p.eventName}”中没有事件：所有曲线始终为 1。` });
  }
  return {
    tables: {
      at_risk: {
        title: 'Number at risk',
        title_zh: '风险人数',
        columns: [
          ...(p.groups ? [{ key: 'strata', label: p.groupName!, label_zh: p.groupName!, type: 'text' as const }] : []),
          { key: 'time', label: p.timeName, label_zh: p.timeName, type: 'number' },
          { key: 'n_risk', label: 'At risk', label_zh: '风险人数', type: 'integer' },
        ],
        rows,
        notes: ['Subjects still followed (time ≥ t) at the pretty() breaks of the time axis, as summary(survfit, times = ..., extend = TRUE)$n.risk. Estimates with confidence limits: survival.km.'],
        notes_zh: ['时间轴 pretty() 刻度处仍在随访（时间 ≥ t）的人数，同 summary(survfit, times = ..., extend = TRUE)$n.risk。生存率估计及置信区间见 survival.km。'],
      },
    },
    figures: [kmFigure({ groupName: p.groups ? p.groupName : null, timeName: p.timeName, names, fits, confLevel: 0.95 })],
    assumptions: [],
    warnings,
  };
}
