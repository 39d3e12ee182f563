import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.mann_whitney',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Wilcoxon rank-sum (Mann–Whitney U) test', zh: 'Wilcoxon 秩和检验（Mann–Whitney U 检验）' },
  summary: {
    en: 'Compares a numeric outcome between two groups without assuming normality, with the Hodges–Lehmann estimate of the location shift, as R’s wilcox.test(y ~ g, conf.int = TRUE).',
    zh: '不假定正态分布地比较两组数值型结局，并给出位置偏移的 Hodges–Lehmann 估计，与 R 的 wilcox.test(y ~ g, conf.int = TRUE) 一致。',
  },
  help: {
    en: 'Group 1 is the first group in sorted order. W is the Mann–Whitney U of group 1. The estimate is the median of all differences (group 1 − group 2), the Hodges–Lehmann shift. Exact p-values are used by default when both groups have fewer than 50 observations and there are no ties.',
    zh: '组 1 为排序后的第一个组。W 为组 1 的 Mann–Whitney U 统计量。估计值为所有两两差值（组 1 − 组 2）的中位数，即 Hodges–Lehmann 位置偏移。默认在两组均少于 50 例且无结（相同值）时使用精确 P 值。',
  },
  category: 'compare',
  keywords: ['Mann-Whitney', 'Wilcoxon', 'rank sum', 'U test', 'nonparametric', 'Hodges-Lehmann', '秩和检验', '非参数', '曼-惠特尼'],
  roles: [
    {
      name: 'outcome',
      label: { en: 'Outcome', zh: '结局变量' },
      help: { en: 'The numeric (or ordinal, coded as numbers) variable compared.', zh: '要比较的数值（或以数字编码的等级）变量。' },
      types: ['numeric', 'integer'],
      min: 1,
      max: 1,
    },
    {
      name: 'group',
      label: { en: 'Group', zh: '分组变量' },
      help: { en: 'A variable with exactly two groups.', zh: '恰好有两个组的变量。' },
      types: ['categorical', 'boolean', 'integer'],
      min: 1,
      max: 1,
      levels: 2,
    },
  ],
  options: [
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (shift ≠ μ)', zh: '双侧（偏移 ≠ μ）' } },
        { value: 'less', label: { en: 'Less (shift < μ)', zh: '左侧（偏移 < μ）' } },
        { value: 'greater', label: { en: 'Greater (shift > μ)', zh: '右侧（偏移 > μ）' } },
      ],
    },
    { name: 'mu', type: 'number', default: 0, label: { en: 'Hypothesised location shift (μ)', zh: '假设的位置偏移（μ）' } },
    {
      name: 'exact',
      type: 'enum',
      default: 'auto',
      label: { en: 'Exact p-value', zh: '精确 P 值' },
      values: [
        { value: 'auto', label: { en: 'Automatic (exact when n < 50 and no ties)', zh: '自动（n < 50 且无结时精确）' } },
        { value: 'true', label: { en: 'Exact (when there are no ties)', zh: '精确（无结时）' } },
        { value: 'false', label: { en: 'Normal approximation', zh: '正态近似' } },
      ],
    },
    {
      name: 'correct',
      type: 'boolean',
      default: true,
      label: { en: 'Continuity correction', zh: '连续性校正' },
      help: { en: 'Applies to the normal approximation only.', zh: '仅用于正态近似。' },
    },
    { name: 'conf_int', type: 'boolean', default: true, label: { en: 'Hodges–Lehmann estimate and confidence interval', zh: 'Hodges–Lehmann 估计及置信区间' } },
    {
      name: 'conf_level',
      type: 'number',
      default: 0.95,
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      label: { en: 'Confidence level', zh: '置信水平' },
      enableWhen: { option: 'conf_int', values: [true] },
    },
  ],
  outline: ['tidy', 'groups'],
  references: [
    'Mann HB, Whitney DR (1947). On a test of whether one of two random variables is stochastically larger than the other. Ann Math Stat 18:50–60.',
    'Hodges JL, Lehmann EL (1963). Estimates of location based on rank tests. Ann Math Stat 34:598–611.',
    'R Core Team. wilcox.test {stats}.',
  ],
};
