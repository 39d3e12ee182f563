import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.levene',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Levene’s test for equal variances', zh: 'Levene 方差齐性检验' },
  summary: {
    en: 'Tests whether a numeric outcome has the same spread in every group (Brown–Forsythe median-centred by default), as car::leveneTest(y ~ g).',
    zh: '检验各组数值型结局的离散程度是否相同（默认以中位数为中心，即 Brown–Forsythe 法），与 car::leveneTest(y ~ g) 一致。',
  },
  category: 'compare',
  keywords: ['Levene', 'Brown-Forsythe', 'homogeneity of variance', 'equal variances', '方差齐性'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1 },
  ],
  options: [
    {
      name: 'center',
      type: 'enum',
      default: 'median',
      label: { en: 'Centre', zh: '中心' },
      values: [
        { value: 'median', label: { en: 'Median (Brown–Forsythe, robust)', zh: '中位数（Brown–Forsythe，稳健）' } },
        { value: 'mean', label: { en: 'Mean (Levene’s original)', zh: '均值（Levene 原法）' } },
      ],
    },
  ],
  outline: ['tidy', 'groups'],
  references: ['Levene H (1960). Robust tests for equality of variances. In: Contributions to Probability and Statistics. Stanford.', 'Brown MB, Forsythe AB (1974). Robust tests for the equality of variances. J Am Stat Assoc 69:364–367.', 'Fox J, Weisberg S. car::leveneTest.'],
};
