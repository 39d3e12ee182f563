import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'chart.scatter',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Scatter plot with regression line', zh: '散点图（含回归直线）' },
  summary: {
    en: 'Scatter plot of y against x, overall or by group, with the least-squares line and its 95% confidence band, as ggplot2’s geom_smooth(method = "lm").',
    zh: 'y 对 x 的散点图（总体或分组），含最小二乘回归直线及其 95% 置信带，同 ggplot2 的 geom_smooth(method = "lm")。',
  },
  help: {
    en: 'Above 3,000 rows every k-th row is drawn (the line uses all rows). The band is predict(lm(y ~ x), interval = "confidence") at 80 points.',
    zh: '超过 3000 行时每 k 行绘制 1 行（回归线使用全部数据）。置信带为 predict(lm(y ~ x), interval = "confidence") 在 80 个点上的值。',
  },
  category: 'chart',
  keywords: ['scatter', 'regression line', 'lm', 'geom_smooth', '散点图', '回归直线'],
  roles: [
    { name: 'x', label: { en: 'X (horizontal)', zh: 'X（横轴）' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'y', label: { en: 'Y (vertical)', zh: 'Y（纵轴）' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 0, max: 1 },
  ],
  options: [],
  outline: ['fit', 'coefficients'],
  references: ['Wickham H (2016). ggplot2: Elegant Graphics for Data Analysis. Springer. geom_smooth.'],
};
