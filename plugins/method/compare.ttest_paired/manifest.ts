import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'compare.ttest_paired',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Paired t-test', zh: '配对 t 检验' },
  summary: {
    en: 'Compares two measurements on the same subjects (wide form: one column each) through the mean of their differences, as R’s t.test(x, y, paired = TRUE).',
    zh: '通过差值均值比较同一对象的两次测量（宽格式：每次测量一列），与 R 的 t.test(x, y, paired = TRUE) 一致。',
  },
  help: {
    en: 'The estimate is the mean of the differences x − y with its confidence interval. Rows missing either measurement are dropped. For skewed differences with few pairs use the Wilcoxon signed-rank test.',
    zh: '估计值为差值 x − y 的均值及其置信区间。缺少任一测量的行被剔除。小样本且差值偏态时请使用 Wilcoxon 符号秩检验。',
  },
  category: 'compare',
  keywords: ['t-test', 't test', 'paired', 'before after', 'pre post', 'repeated', 'mean difference', '配对', '配对t检验', '前后比较', '自身对照'],
  roles: [
    {
      name: 'x',
      label: { en: 'First measurement', zh: '第一次测量' },
      help: { en: 'Numeric, e.g. the value after treatment.', zh: '数值变量，例如治疗后的值。' },
      types: ['numeric', 'integer'],
      min: 1,
      max: 1,
    },
    {
      name: 'y',
      label: { en: 'Second measurement', zh: '第二次测量' },
      help: { en: 'Numeric, e.g. the baseline value; the test is on x − y.', zh: '数值变量，例如基线值；检验针对 x − y。' },
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
      label: { en: 'Hypothesised mean difference (μ)', zh: '假设的差值均值（μ）' },
    },
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (mean difference ≠ μ)', zh: '双侧（差值均值 ≠ μ）' } },
        { value: 'less', label: { en: 'Less (mean difference < μ)', zh: '左侧（差值均值 < μ）' } },
        { value: 'greater', label: { en: 'Greater (mean difference > μ)', zh: '右侧（差值均值 > μ）' } },
      ],
    },
    CONF_LEVEL,
  ],
  outline: ['tidy', 'summary'],
  references: ['Student (1908). The probable error of a mean. Biometrika 6:1–25.', 'R Core Team. t.test {stats}; shapiro.test {stats}.'],
};
