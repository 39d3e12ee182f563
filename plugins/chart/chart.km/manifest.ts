import type { PluginManifest } from '$core/plugin/types';
import { eventRole, eventValueOption, timeRole } from '$core/stats/survival/roles';

export const manifest: PluginManifest = {
  id: 'chart.km',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Kaplan–Meier plot', zh: 'Kaplan–Meier 生存曲线图' },
  summary: {
    en: 'Kaplan–Meier step curves with censoring ticks and a number-at-risk table under the plot, as plot(survfit(...)) with the numbers at risk at the time axis’ pretty() breaks.',
    zh: 'Kaplan–Meier 阶梯曲线，带删失标记，图下附风险人数表（在时间轴 pretty() 刻度处），同 plot(survfit(...))。',
  },
  category: 'chart',
  keywords: ['Kaplan-Meier', 'survival curve', 'number at risk', 'KM plot', '生存曲线', '风险人数'],
  roles: [
    timeRole,
    eventRole,
    { name: 'strata', label: { en: 'Group (strata)', zh: '分组（分层）' }, help: { en: 'Optional: one curve per group.', zh: '可选：每组一条曲线。' }, types: ['categorical', 'integer', 'boolean'], min: 0, max: 1 },
  ],
  options: [eventValueOption()],
  outline: ['at_risk'],
  references: ['Kaplan EL, Meier P (1958). Nonparametric estimation from incomplete observations. J Am Stat Assoc 53:457–481.', 'Therneau T (2023). A Package for Survival Analysis in R. survfit {survival}.'],
};
