import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'categorical.mcnemar',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'McNemar’s test (paired proportions)', zh: 'McNemar 检验（配对率的比较）' },
  summary: {
    en: 'Tests whether paired categorical measurements (before/after, two raters, matched pairs) change symmetrically, as R’s mcnemar.test; for more than two categories Bowker’s test of symmetry.',
    zh: '检验配对的分类测量（前后测量、两种方法、配对设计）是否对称变化，与 R 的 mcnemar.test 一致；多于两个类别时为 Bowker 对称性检验。',
  },
  help: {
    en: 'Each row is one subject (or pair) with the first measurement in x and the second in y; both must use the same categories. Only the discordant pairs carry information. The continuity correction applies to 2 × 2 tables only.',
    zh: '每一行是一个研究对象（或配对），第一次测量在 x，第二次在 y；两者须使用相同类别。只有不一致的配对提供信息。连续性校正仅用于 2 × 2 表。',
  },
  category: 'categorical',
  keywords: ['McNemar', 'paired', 'matched', 'Bowker', 'symmetry', 'before after', '配对卡方', '配对四格表', 'McNemar 检验'],
  roles: [
    { name: 'x', label: { en: 'First measurement', zh: '第一次测量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    { name: 'y', label: { en: 'Second measurement', zh: '第二次测量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    {
      name: 'weight',
      label: { en: 'Frequency weight', zh: '频数权重' },
      help: { en: 'Optional: the number of pairs each row stands for.', zh: '可选：每一行代表的配对数。' },
      types: ['numeric', 'integer'],
      min: 0,
      max: 1,
      as: 'numeric',
    },
  ],
  options: [{ name: 'correct', type: 'boolean', default: true, label: { en: 'Continuity correction (2 × 2 only)', zh: '连续性校正（仅 2 × 2 表）' } }],
  outline: ['tidy', 'observed'],
  references: ['McNemar Q (1947). Note on the sampling error of the difference between correlated proportions or percentages. Psychometrika 12:153–157.', 'Bowker AH (1948). A test for symmetry in contingency tables. JASA 43:572–574.', 'R Core Team. mcnemar.test {stats}.'],
};
