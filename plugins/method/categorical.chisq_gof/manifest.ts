import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'categorical.chisq_gof',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Chi-square goodness-of-fit test', zh: '拟合优度卡方检验' },
  summary: {
    en: 'Tests whether the distribution of one categorical variable matches given proportions (equal by default), as R’s chisq.test(x, p = p).',
    zh: '检验一个分类变量的分布是否符合给定的比例（默认各类别相等），与 R 的 chisq.test(x, p = p) 一致。',
  },
  help: {
    en: 'Give the expected proportions in level order (numbers numerically, text alphabetically by code point), separated by commas; they must be ≥ 0 and sum to 1 (as R with rescale.p = FALSE). Leave empty to test equal proportions. With expected counts below 5 use an exact multinomial test or merge categories.',
    zh: '按水平顺序（数字按数值，文本按字符编码）输入期望比例，以逗号分隔；比例须 ≥ 0 且总和为 1（与 R 的 rescale.p = FALSE 相同）。留空则检验各类别比例相等。期望频数 < 5 时请用精确多项分布检验或合并类别。',
  },
  category: 'categorical',
  keywords: ['goodness of fit', 'chi-square', 'one-way table', 'expected proportions', 'multinomial', '拟合优度', '卡方检验', '构成比'],
  roles: [
    { name: 'column', label: { en: 'Categorical variable', zh: '分类变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
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
      name: 'p',
      type: 'string',
      default: '',
      label: { en: 'Expected proportions (comma-separated, level order; empty = equal)', zh: '期望比例（逗号分隔，按水平顺序；留空 = 相等）' },
    },
  ],
  outline: ['tidy', 'observed', 'expected', 'residuals'],
  references: ['Pearson K (1900). On the criterion that a given system of deviations from the probable ... Philosophical Magazine 50:157–175.', 'R Core Team. chisq.test {stats}.'],
};
