import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'compare.ttest_ind',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Independent-samples t-test', zh: '独立样本 t 检验' },
  summary: {
    en: 'Compares the means of a numeric outcome between two groups (Welch or Student t-test), as R’s t.test(y ~ g).',
    zh: '比较两组数值型结局的均值（Welch 或 Student t 检验），与 R 的 t.test(y ~ g) 一致。',
  },
  help: {
    en: 'Group 1 is the first group in sorted order; the estimate is mean(group 1) − mean(group 2). By default Welch’s test is used, which does not assume equal variances.',
    zh: '组 1 为排序后的第一个组；估计值 = 组 1 均值 − 组 2 均值。默认使用不假定方差相等的 Welch 检验。',
  },
  category: 'compare',
  keywords: ['t-test', 't test', 'Welch', 'Student', 'two sample', 'mean difference', 't检验', '两独立样本', '均值比较'],
  roles: [
    {
      name: 'outcome',
      label: { en: 'Outcome', zh: '结局变量' },
      help: { en: 'The numeric variable whose means are compared.', zh: '要比较均值的数值变量。' },
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
      name: 'var_equal',
      type: 'boolean',
      default: false,
      label: { en: 'Assume equal variances (Student’s t-test)', zh: '假定方差相等（Student t 检验）' },
      help: { en: 'Off: Welch’s t-test (recommended). On: the pooled-variance Student t-test.', zh: '关闭：Welch t 检验（推荐）；开启：合并方差的 Student t 检验。' },
    },
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (difference ≠ μ)', zh: '双侧（差值 ≠ μ）' } },
        { value: 'less', label: { en: 'Less (difference < μ)', zh: '左侧（差值 < μ）' } },
        { value: 'greater', label: { en: 'Greater (difference > μ)', zh: '右侧（差值 > μ）' } },
      ],
    },
    CONF_LEVEL,
    {
      name: 'mu',
      type: 'number',
      default: 0,
      label: { en: 'Hypothesised difference (μ)', zh: '假设的差值（μ）' },
    },
  ],
  outline: ['tidy', 'groups'],
  references: [
    'Welch BL (1947). The generalization of “Student’s” problem when several different population variances are involved. Biometrika 34:28–35.',
    'R Core Team. t.test {stats}; var.test {stats}.',
  ],
};
