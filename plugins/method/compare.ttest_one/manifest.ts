import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'compare.ttest_one',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'One-sample t-test', zh: '单样本 t 检验' },
  summary: {
    en: 'Compares the mean of a numeric variable with a reference value μ, as R’s t.test(x, mu = μ).',
    zh: '将数值变量的均值与参考值 μ 比较，与 R 的 t.test(x, mu = μ) 一致。',
  },
  help: {
    en: 'The estimate is the sample mean with its confidence interval; the test asks whether the population mean differs from μ (e.g. a normal reference value). For skewed data with few observations use the Wilcoxon signed-rank test.',
    zh: '估计值为样本均值及其置信区间；检验总体均值是否不同于 μ（例如正常参考值）。小样本且偏态时请使用 Wilcoxon 符号秩检验。',
  },
  category: 'compare',
  keywords: ['t-test', 't test', 'one sample', 'single sample', 'mean', 'reference value', '单样本', 't检验', '均值'],
  roles: [
    {
      name: 'outcome',
      label: { en: 'Outcome', zh: '结局变量' },
      help: { en: 'The numeric variable whose mean is compared with μ.', zh: '要与 μ 比较均值的数值变量。' },
      types: ['numeric', 'integer'],
      min: 1,
      max: 1,
    },
  ],
  options: [
    {
      name: 'mu',
      type: 'number',
      default: 0,
      label: { en: 'Hypothesised mean (μ)', zh: '假设的均值（μ）' },
      help: { en: 'The reference value the mean is compared with.', zh: '与均值比较的参考值。' },
    },
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (mean ≠ μ)', zh: '双侧（均值 ≠ μ）' } },
        { value: 'less', label: { en: 'Less (mean < μ)', zh: '左侧（均值 < μ）' } },
        { value: 'greater', label: { en: 'Greater (mean > μ)', zh: '右侧（均值 > μ）' } },
      ],
    },
    CONF_LEVEL,
  ],
  outline: ['tidy', 'summary'],
  references: ['Student (1908). The probable error of a mean. Biometrika 6:1–25.', 'R Core Team. t.test {stats}; shapiro.test {stats}.'],
};
