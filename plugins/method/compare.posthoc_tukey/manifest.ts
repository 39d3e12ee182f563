import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.posthoc_tukey',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Tukey HSD pairwise comparisons', zh: 'Tukey HSD 两两比较' },
  summary: {
    en: 'All pairwise differences between group means with family-wise confidence intervals and adjusted p-values (Tukey’s honestly significant difference), as R’s TukeyHSD(aov(y ~ g)).',
    zh: '各组均值两两之差，给出族系置信区间和校正 P 值（Tukey 真实显著差异法），与 R 的 TukeyHSD(aov(y ~ g)) 一致。',
  },
  help: {
    en: 'Each contrast is named “B-A” (the later level minus the earlier one), as R does. Intervals and p-values use the studentized range distribution and the pooled residual variance of the one-way ANOVA; the Tukey–Kramer form handles unequal group sizes.',
    zh: '每个比较命名为“B-A”（后一水平减前一水平），与 R 相同。置信区间和 P 值基于学生化极差分布及单因素方差分析的合并残差方差；组大小不等时采用 Tukey–Kramer 形式。',
  },
  category: 'compare',
  keywords: ['Tukey', 'HSD', 'post hoc', 'pairwise', 'multiple comparisons', 'TukeyHSD', '事后检验', '两两比较', '多重比较'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, help: { en: 'The numeric variable whose means are compared.', zh: '要比较均值的数值变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, help: { en: 'A variable with two or more groups.', zh: '有两个或多个组的变量。' }, types: ['categorical', 'boolean', 'integer', 'numeric'], min: 1, max: 1, as: 'categorical' },
  ],
  options: [
    { name: 'conf_level', type: 'number', default: 0.95, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, label: { en: 'Family-wise confidence level', zh: '族系置信水平' } },
  ],
  outline: ['posthoc', 'groups'],
  references: [
    'Tukey JW (1953). The problem of multiple comparisons. Princeton University (unpublished).',
    'Kramer CY (1956). Extension of multiple range tests to group means with unequal numbers of replications. Biometrics 12:307–310.',
    'Copenhaver MD, Holland BS (1988). Computation of the distribution of the maximum studentized range statistic. J Stat Comput Simul 30:1–15.',
    'R Core Team. TukeyHSD, ptukey {stats}.',
  ],
};
