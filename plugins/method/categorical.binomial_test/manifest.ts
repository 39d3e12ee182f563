import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'categorical.binomial_test',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Exact binomial test', zh: '二项分布精确检验' },
  summary: {
    en: 'Tests a proportion against a hypothesised value with the exact binomial distribution, with the Clopper–Pearson confidence interval, as R’s binom.test.',
    zh: '用精确二项分布检验一个率是否等于假设值，并给出 Clopper–Pearson 置信区间，与 R 的 binom.test 一致。',
  },
  help: {
    en: 'The success level is the one named in “Success level”; when empty, the second level in sorted order (1 of 0/1, TRUE of FALSE/TRUE, “yes” of no/yes). R’s binom.test(table(x)) would count the first level instead — the R code shown counts the chosen level explicitly.',
    zh: '成功水平为“成功水平”选项中指定的水平；留空时取排序后的第二个水平（0/1 中的 1，FALSE/TRUE 中的 TRUE，no/yes 中的 yes）。R 的 binom.test(table(x)) 会把第一个水平计为成功——给出的 R 代码显式计数所选水平。',
  },
  category: 'categorical',
  keywords: ['binomial', 'exact', 'proportion', 'Clopper-Pearson', 'one sample', '二项分布', '率的检验', '精确检验', '单样本率'],
  roles: [
    { name: 'column', label: { en: 'Binary variable', zh: '二分类变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
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
    { name: 'success', type: 'string', default: '', label: { en: 'Success level (empty: second level)', zh: '成功水平（留空：第二个水平）' } },
    { name: 'p', type: 'number', default: 0.5, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, label: { en: 'Hypothesised probability of success', zh: '假设的成功概率' } },
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (≠ p)', zh: '双侧（≠ p）' } },
        { value: 'less', label: { en: 'Less (< p)', zh: '左侧（< p）' } },
        { value: 'greater', label: { en: 'Greater (> p)', zh: '右侧（> p）' } },
      ],
    },
    CONF_LEVEL,
  ],
  outline: ['tidy', 'counts'],
  references: ['Clopper CJ, Pearson ES (1934). The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika 26:404–413.', 'R Core Team. binom.test {stats}.'],
};
