import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'categorical.cochran_armitage',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Cochran–Armitage test for trend in proportions', zh: 'Cochran–Armitage 趋势检验（率的趋势）' },
  summary: {
    en: 'Tests whether the proportion of a binary outcome rises or falls across ordered groups (dose, age band, stage), as R’s prop.trend.test(x, n, score).',
    zh: '检验二分类结局的比例是否随有序分组（剂量、年龄段、分期）上升或下降，与 R 的 prop.trend.test(x, n, score) 一致。',
  },
  help: {
    en: 'The groups are taken in level order (numbers numerically, text by code point); give scores (comma-separated, one per group in that order) to set the spacing or to reorder text levels. Default scores are 1, 2, …, k. The outcome proportion is that of the second level unless the success option names another (the test statistic does not depend on it).',
    zh: '分组按水平顺序排列（数字按数值，文本按字符编码）；可输入评分（逗号分隔，按该顺序每组一个）来设定间距或为文本水平重新排序。默认评分为 1, 2, …, k。结局比例默认为第二个水平的比例，可在“成功水平”选项中指定（检验统计量与此无关）。',
  },
  category: 'categorical',
  keywords: ['Cochran-Armitage', 'trend test', 'linear trend', 'dose response', 'ordered groups', 'prop.trend.test', '趋势卡方', '线性趋势', '剂量反应'],
  roles: [
    { name: 'row', label: { en: 'Binary outcome', zh: '二分类结局' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    { name: 'column', label: { en: 'Ordered groups', zh: '有序分组' }, types: ['categorical', 'integer'], min: 1, max: 1, as: 'categorical' },
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
    { name: 'scores', type: 'string', default: '', label: { en: 'Scores (comma-separated, group order; empty = 1, 2, …, k)', zh: '评分（逗号分隔，按分组顺序；留空 = 1, 2, …, k）' } },
    { name: 'success', type: 'string', default: '', label: { en: 'Success level (empty: second level)', zh: '成功水平（留空：第二个水平）' } },
  ],
  outline: ['tidy', 'groups'],
  references: [
    'Cochran WG (1954). Some methods for strengthening the common χ² tests. Biometrics 10:417–451.',
    'Armitage P (1955). Tests for linear trends in proportions and frequencies. Biometrics 11:375–386.',
    'R Core Team. prop.trend.test {stats}.',
  ],
};
