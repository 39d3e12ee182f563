import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'categorical.fisher_exact',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Fisher’s exact test', zh: 'Fisher 精确检验' },
  summary: {
    en: 'Exact test of association for a contingency table; for 2 × 2 tables also the conditional maximum-likelihood odds ratio with its exact confidence interval, as R’s fisher.test.',
    zh: '列联表关联性的精确检验；2 × 2 表同时给出条件最大似然比值比及其精确置信区间，与 R 的 fisher.test 一致。',
  },
  help: {
    en: 'The odds ratio compares the odds of the first column level between the first and second row levels (levels in sorted order). Larger r × c tables are tested by enumerating every table with the observed margins; when there are too many, use the chi-square test instead. An optional weight column gives each row’s frequency (whole numbers).',
    zh: '比值比比较第一行水平与第二行水平中第一列水平的比数（水平按排序）。较大的 r × c 表通过枚举所有与观察边际相同的表计算；表的数目过多时请改用卡方检验。可选的权重列给出每行的频数（须为整数）。',
  },
  category: 'categorical',
  keywords: ['Fisher', 'exact test', 'odds ratio', '2x2', 'contingency table', 'small sample', 'Fisher 精确检验', '确切概率法', '比值比', '四格表'],
  roles: [
    { name: 'row', label: { en: 'Row variable', zh: '行变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    { name: 'column', label: { en: 'Column variable', zh: '列变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    {
      name: 'weight',
      label: { en: 'Frequency weight', zh: '频数权重' },
      help: { en: 'Optional: the number of subjects each row stands for (whole numbers).', zh: '可选：每一行代表的例数（整数）。' },
      types: ['numeric', 'integer'],
      min: 0,
      max: 1,
      as: 'numeric',
    },
  ],
  options: [
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis (2 × 2)', zh: '备择假设（2 × 2 表）' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (odds ratio ≠ 1)', zh: '双侧（比值比 ≠ 1）' } },
        { value: 'less', label: { en: 'Less (odds ratio < 1)', zh: '左侧（比值比 < 1）' } },
        { value: 'greater', label: { en: 'Greater (odds ratio > 1)', zh: '右侧（比值比 > 1）' } },
      ],
    },
    CONF_LEVEL,
  ],
  outline: ['tidy', 'observed'],
  references: [
    'Fisher RA (1935). The logic of inductive inference. JRSS 98:39–82.',
    'Agresti A (2002). Categorical Data Analysis, 2nd ed. Wiley. §3.5.',
    'R Core Team. fisher.test {stats}.',
  ],
};
