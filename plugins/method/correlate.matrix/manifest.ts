import type { PluginManifest } from '$core/plugin/types';
import { P_ADJUST_METHODS } from '$core/stats/padjust-methods';

/** listwise: false — with use = "pairwise" each pair uses the rows where both are present. */
export const manifest: PluginManifest = {
  id: 'correlate.matrix',
  kind: 'method',
  version: '1.0.0',
  listwise: false,
  title: { en: 'Correlation matrix', zh: '相关矩阵' },
  summary: {
    en: 'Pearson, Spearman or Kendall correlations between every pair of variables, with cor.test p-values adjusted for multiple testing and a heat map.',
    zh: '所有变量两两之间的 Pearson、Spearman 或 Kendall 相关系数，含 cor.test 的 P 值及多重比较校正，并绘制热图。',
  },
  help: {
    en: 'Pairwise: each pair uses the rows where both variables are present (R’s use = "pairwise.complete.obs"). Complete: only rows with every variable present. P-values are adjusted across all pairs (R’s p.adjust).',
    zh: '成对删除：每对变量使用两者都不缺失的行（R 的 use = "pairwise.complete.obs"）。完整病例：只用所有变量都不缺失的行。P 值在全部变量对之间校正（R 的 p.adjust）。',
  },
  category: 'correlate',
  keywords: ['correlation matrix', 'correlogram', 'heatmap', 'Pearson', 'Spearman', 'Kendall', 'cor', '相关矩阵', '相关系数矩阵', '热图'],
  roles: [{ name: 'variables', label: { en: 'Variables', zh: '变量' }, help: { en: 'Two or more numeric variables.', zh: '两个或更多数值变量。' }, types: ['numeric', 'integer'], min: 2, max: 1000 }],
  options: [
    {
      name: 'method',
      type: 'enum',
      default: 'pearson',
      label: { en: 'Correlation coefficient', zh: '相关系数' },
      values: [
        { value: 'pearson', label: { en: 'Pearson', zh: 'Pearson' } },
        { value: 'spearman', label: { en: 'Spearman', zh: 'Spearman' } },
        { value: 'kendall', label: { en: 'Kendall', zh: 'Kendall' } },
      ],
    },
    {
      name: 'adjust',
      type: 'enum',
      default: 'holm',
      label: { en: 'P-value adjustment', zh: 'P 值校正方法' },
      values: P_ADJUST_METHODS.map((m) => ({
        value: m,
        label: {
          holm: { en: 'Holm', zh: 'Holm' },
          hochberg: { en: 'Hochberg', zh: 'Hochberg' },
          hommel: { en: 'Hommel', zh: 'Hommel' },
          bonferroni: { en: 'Bonferroni', zh: 'Bonferroni' },
          BH: { en: 'Benjamini–Hochberg (FDR)', zh: 'Benjamini–Hochberg（FDR）' },
          BY: { en: 'Benjamini–Yekutieli', zh: 'Benjamini–Yekutieli' },
          fdr: { en: 'FDR (= BH)', zh: 'FDR（即 BH）' },
          none: { en: 'None', zh: '不校正' },
        }[m],
      })),
    },
    {
      name: 'use',
      type: 'enum',
      default: 'pairwise',
      label: { en: 'Missing values', zh: '缺失值处理' },
      values: [
        { value: 'pairwise', label: { en: 'Pairwise deletion', zh: '成对删除' } },
        { value: 'complete', label: { en: 'Complete cases only', zh: '仅完整病例' } },
      ],
    },
  ],
  outline: ['matrix'],
  references: ['R Core Team. cor {stats}; cor.test {stats}; p.adjust {stats}.', 'Holm S (1979). A simple sequentially rejective multiple test procedure. Scand J Statist 6:65–70.'],
};
