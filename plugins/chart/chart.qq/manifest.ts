import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'chart.qq',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Normal Q-Q plot', zh: '正态 Q-Q 图' },
  summary: {
    en: 'Normal quantile–quantile plot as R’s qqnorm() (ppoints(n) quantiles) with qqline() through the quartiles, overall or one panel per group.',
    zh: '正态分位数-分位数图，同 R 的 qqnorm()（ppoints(n) 分位数），并按 qqline() 过四分位数画参考线；可按组分面。',
  },
  category: 'chart',
  keywords: ['Q-Q plot', 'qqnorm', 'qqline', 'normality', 'Q-Q 图', '正态性'],
  roles: [
    { name: 'y', label: { en: 'Variable', zh: '变量' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 0, max: 1 },
  ],
  options: [],
  outline: ['qqline'],
  references: ['Wilk MB, Gnanadesikan R (1968). Probability plotting methods for the analysis of data. Biometrika 55:1–17.', 'R Core Team. qqnorm {stats}.'],
};
