import type { PluginManifest } from '$core/plugin/types';
import { eventRole, eventValueOption, timeRole } from '$core/stats/survival/roles';

export const manifest: PluginManifest = {
  id: 'survival.logrank',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Log-rank test', zh: 'Log-rank 检验' },
  summary: {
    en: 'Tests whether survival differs between groups (log-rank, or Peto–Peto with rho = 1), as R’s survdiff(Surv(time, event) ~ group, rho).',
    zh: '检验各组生存是否不同（log-rank 检验，rho = 1 时为 Peto–Peto 检验），与 R 的 survdiff(Surv(time, event) ~ group, rho) 一致。',
  },
  help: {
    en: 'rho = 0 weights all event times equally (log-rank, most powerful under proportional hazards); rho = 1 weights early events more (Peto–Peto modification of the Gehan–Wilcoxon test).',
    zh: 'rho = 0 时所有事件时间权重相同（log-rank，比例风险时效能最高）；rho = 1 时早期事件权重更大（Gehan–Wilcoxon 检验的 Peto–Peto 修正）。',
  },
  category: 'survival',
  keywords: ['log-rank', 'logrank', 'survdiff', 'Peto', 'Wilcoxon', 'survival comparison', '时序检验', '生存比较'],
  roles: [
    timeRole,
    eventRole,
    {
      name: 'group',
      label: { en: 'Group', zh: '分组变量' },
      help: { en: 'The groups whose survival is compared (two or more).', zh: '要比较生存的分组（两组或多组）。' },
      types: ['categorical', 'integer', 'boolean'],
      min: 1,
      max: 1,
    },
  ],
  options: [
    {
      name: 'rho',
      type: 'number',
      default: 0,
      min: 0,
      label: { en: 'rho (0 = log-rank, 1 = Peto–Peto)', zh: 'rho（0 = log-rank，1 = Peto–Peto）' },
      help: { en: 'Weights S(t−)^rho at each event time, as survdiff’s rho.', zh: '每个事件时间的权重为 S(t−)^rho，同 survdiff 的 rho。' },
    },
    eventValueOption(),
  ],
  outline: ['tidy', 'groups'],
  references: [
    'Harrington DP, Fleming TR (1982). A class of rank test procedures for censored survival data. Biometrika 69:553–566.',
    'Therneau T (2023). A Package for Survival Analysis in R. survdiff {survival}.',
  ],
};
