import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.friedman',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Friedman test', zh: 'Friedman 检验' },
  summary: {
    en: 'Compares three or more related measurements (repeated measures or matched blocks, long form) without assuming normality, as R’s friedman.test(y ~ w | id), with Kendall’s W.',
    zh: '比较三个或更多相关测量（重复测量或配伍区组，长格式），不假定正态分布，与 R 的 friedman.test(y ~ w | id) 一致，并给出 Kendall W。',
  },
  help: {
    en: 'Data in long form: one row per subject (block) and condition. Every subject needs exactly one value for every level of the within factor; values are ranked within each subject. Kendall’s W (0 to 1) measures how consistently the conditions are ordered across subjects.',
    zh: '长格式数据：每个对象（区组）的每个条件一行。每个对象在组内因素的每个水平上必须恰有一个值；在每个对象内部编秩。Kendall W（0 至 1）衡量各对象对条件排序的一致程度。',
  },
  category: 'compare',
  keywords: ['Friedman', 'repeated measures', 'nonparametric', 'block design', 'Kendall W', 'rank', '重复测量', '非参数', '随机区组', '秩和检验', 'Friedman检验'],
  roles: [
    {
      name: 'outcome',
      label: { en: 'Outcome', zh: '结局变量' },
      help: { en: 'The numeric (or ordinal-coded) measurement.', zh: '数值型（或按等级编码的）测量值。' },
      types: ['numeric', 'integer'],
      min: 1,
      max: 1,
    },
    {
      name: 'within',
      label: { en: 'Condition (within-subject factor)', zh: '条件（组内因素）' },
      help: { en: 'The treatment, time point or method each subject was measured under.', zh: '每个对象接受测量时的处理、时间点或方法。' },
      types: ['categorical', 'integer', 'numeric', 'boolean', 'text'],
      min: 1,
      max: 1,
      as: 'categorical',
    },
    {
      name: 'id',
      label: { en: 'Subject (block)', zh: '对象（区组）' },
      help: { en: 'Identifies the subject or matched block; each needs one row per condition.', zh: '标识对象或配伍区组；每个对象每个条件一行。' },
      types: ['categorical', 'integer', 'numeric', 'text'],
      min: 1,
      max: 1,
      as: 'categorical',
    },
  ],
  options: [],
  outline: ['tidy', 'ranks'],
  references: [
    'Friedman M (1937). The use of ranks to avoid the assumption of normality implicit in the analysis of variance. JASA 32:675–701.',
    'Hollander M, Wolfe DA (1973). Nonparametric Statistical Methods. Wiley, pp. 139–146.',
    'Kendall MG, Babington Smith B (1939). The problem of m rankings. Ann Math Stat 10:275–287.',
    'R Core Team. friedman.test {stats}.',
  ],
};
