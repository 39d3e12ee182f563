import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'chart.box',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Box plot', zh: '箱线图' },
  summary: {
    en: 'Box plot of a numeric variable, overall or by group, from R’s boxplot.stats (Tukey hinges, whiskers at 1.5 IQR), with the points when there are few; optionally a violin (R’s density()).',
    zh: '数值变量的箱线图（总体或分组），按 R 的 boxplot.stats 计算（Tukey 铰链，须线在 1.5 倍四分位距内），数据较少时显示各点；可叠加小提琴图（R 的 density()）。',
  },
  category: 'chart',
  keywords: ['box plot', 'boxplot', 'violin', 'distribution', '箱线图', '小提琴图'],
  roles: [
    { name: 'y', label: { en: 'Variable', zh: '变量' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 0, max: 1 },
  ],
  options: [
    {
      name: 'violin',
      type: 'boolean',
      default: false,
      label: { en: 'Violin (kernel density)', zh: '小提琴图（核密度）' },
      help: { en: 'Adds the kernel density of each group as R’s density(): gaussian kernel, bandwidth bw.nrd0, 512 points.', zh: '叠加各组的核密度，同 R 的 density()：高斯核、bw.nrd0 带宽、512 个点。' },
    },
  ],
  outline: ['box', 'density'],
  references: ['Tukey JW (1977). Exploratory Data Analysis. Addison-Wesley.', 'R Core Team. boxplot.stats {grDevices}; density {stats}.'],
};
