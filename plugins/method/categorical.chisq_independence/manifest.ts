import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'categorical.chisq_independence',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Chi-square test of independence', zh: '独立性卡方检验' },
  summary: {
    en: 'Tests whether two categorical variables are associated (Pearson’s chi-square on their cross-table), as R’s chisq.test(table(row, column)).',
    zh: '检验两个分类变量是否相关（交叉表的 Pearson 卡方检验），与 R 的 chisq.test(table(row, column)) 一致。',
  },
  help: {
    en: 'Yates’ continuity correction applies only to 2 × 2 tables, as in R. Standardized residuals (R’s stdres) beyond ±2 show which cells drive the association. With small expected counts use Fisher’s exact test. An optional weight column gives each row’s frequency (aggregated data).',
    zh: 'Yates 连续性校正仅用于 2 × 2 表（与 R 相同）。标准化残差（R 的 stdres）绝对值大于 2 的单元格说明关联主要来自哪里。期望频数较小时请用 Fisher 精确检验。可选的权重列给出每行的频数（汇总数据）。',
  },
  category: 'categorical',
  keywords: ['chi-square', 'chi squared', 'contingency table', 'crosstab', 'independence', 'association', 'Cramér V', '卡方检验', '列联表', '交叉表', '关联'],
  roles: [
    { name: 'row', label: { en: 'Row variable', zh: '行变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    { name: 'column', label: { en: 'Column variable', zh: '列变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    {
      name: 'weight',
      label: { en: 'Frequency weight', zh: '频数权重' },
      help: { en: 'Optional: the number of subjects each row stands for (aggregated data).', zh: '可选：每一行代表的例数（汇总数据）。' },
      types: ['numeric', 'integer'],
      min: 0,
      max: 1,
      as: 'numeric',
    },
  ],
  options: [
    {
      name: 'correct',
      type: 'boolean',
      default: true,
      label: { en: 'Yates’ continuity correction (2 × 2 only)', zh: 'Yates 连续性校正（仅 2 × 2 表）' },
    },
  ],
  outline: ['tidy', 'observed', 'expected', 'residuals'],
  references: [
    'Pearson K (1900). On the criterion that a given system of deviations from the probable ... Philosophical Magazine 50:157–175.',
    'Agresti A (2013). Categorical Data Analysis, 3rd ed. Wiley. §2.4 (standardized residuals).',
    'R Core Team. chisq.test {stats}.',
  ],
};
