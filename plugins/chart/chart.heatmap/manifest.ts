import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'chart.heatmap',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Correlation heat map', zh: '相关热图' },
  summary: {
    en: 'Heat map of the Pearson or Spearman correlations between numeric variables (rows complete in all of them, as cor(use = "complete.obs")), with the coefficient in each cell.',
    zh: '数值变量间 Pearson 或 Spearman 相关系数的热图（使用所有变量均不缺失的行，同 cor(use = "complete.obs")），每格标注相关系数。',
  },
  category: 'chart',
  keywords: ['heat map', 'heatmap', 'correlation matrix', 'corrplot', '热图', '相关矩阵'],
  roles: [{ name: 'variables', label: { en: 'Variables', zh: '变量' }, types: ['numeric', 'integer'], min: 2, max: 100 }],
  options: [
    {
      name: 'method',
      type: 'enum',
      default: 'pearson',
      label: { en: 'Correlation', zh: '相关系数' },
      values: [
        { value: 'pearson', label: { en: 'Pearson', zh: 'Pearson' } },
        { value: 'spearman', label: { en: 'Spearman', zh: 'Spearman' } },
      ],
    },
  ],
  outline: ['matrix'],
  references: ['R Core Team. cor {stats}.'],
};
