import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'chart.bar_error',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Bar chart of means with error bars', zh: '均值条形图（带误差线）' },
  summary: {
    en: 'Group means of a numeric variable as bars, with error bars for the 95% t confidence interval (as t.test), ± SD or ± SE.',
    zh: '以条形表示数值变量的各组均值，误差线为 95% t 置信区间（同 t.test）、± 标准差或 ± 标准误。',
  },
  category: 'chart',
  keywords: ['bar chart', 'mean', 'error bar', 'confidence interval', 'SD', 'SE', '条形图', '误差线', '均值'],
  roles: [
    { name: 'y', label: { en: 'Variable', zh: '变量' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1 },
  ],
  options: [
    {
      name: 'error',
      type: 'enum',
      default: 'ci',
      label: { en: 'Error bars', zh: '误差线' },
      values: [
        { value: 'ci', label: { en: '95% confidence interval (t)', zh: '95% 置信区间（t 分布）' } },
        { value: 'sd', label: { en: '± standard deviation', zh: '± 标准差' } },
        { value: 'se', label: { en: '± standard error', zh: '± 标准误' } },
      ],
    },
  ],
  outline: ['means'],
  references: ['Cumming G, Fidler F, Vaux DL (2007). Error bars in experimental biology. J Cell Biol 177:7–11.'],
};
