import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';
import { eventRole, eventValueOption, timeRole } from '$core/stats/survival/roles';

export const manifest: PluginManifest = {
  id: 'survival.km',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Kaplan–Meier survival curves', zh: 'Kaplan–Meier 生存曲线' },
  summary: {
    en: 'Kaplan–Meier estimates of the survival function, overall or by group, with median survival, as R’s survfit(Surv(time, event) ~ strata).',
    zh: '总体或分组的 Kaplan–Meier 生存函数估计及中位生存时间，与 R 的 survfit(Surv(time, event) ~ strata) 一致。',
  },
  help: {
    en: 'The standard error column is that of the survival estimate (Greenwood, as summary(survfit)’s std.err); confidence intervals are computed on the chosen scale (R’s conf.type, default "log").',
    zh: '标准误列为生存率估计的标准误（Greenwood 法，同 summary(survfit) 的 std.err）；置信区间在所选尺度上计算（R 的 conf.type，默认 "log"）。',
  },
  category: 'survival',
  keywords: ['Kaplan-Meier', 'KM', 'survival curve', 'survfit', 'median survival', '生存曲线', '生存分析', '中位生存时间'],
  roles: [
    timeRole,
    eventRole,
    {
      name: 'strata',
      label: { en: 'Group (strata)', zh: '分组（分层）' },
      help: { en: 'Optional: one curve per group.', zh: '可选：每组一条曲线。' },
      types: ['categorical', 'integer', 'boolean'],
      min: 0,
      max: 1,
    },
  ],
  options: [
    CONF_LEVEL,
    {
      name: 'conf_type',
      type: 'enum',
      default: 'log',
      label: { en: 'Confidence interval scale', zh: '置信区间尺度' },
      values: [
        { value: 'log', label: { en: 'log (R default)', zh: 'log（R 默认）' } },
        { value: 'log-log', label: { en: 'log-log', zh: 'log-log（双对数）' } },
        { value: 'plain', label: { en: 'plain (linear)', zh: 'plain（线性）' } },
      ],
    },
    eventValueOption(),
  ],
  outline: ['median_survival', 'survfit'],
  references: [
    'Kaplan EL, Meier P (1958). Nonparametric estimation from incomplete observations. J Am Stat Assoc 53:457–481.',
    'Therneau T (2023). A Package for Survival Analysis in R. survfit {survival}.',
  ],
};
