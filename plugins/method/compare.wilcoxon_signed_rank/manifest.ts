import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.wilcoxon_signed_rank',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Wilcoxon signed-rank test', zh: 'Wilcoxon 符号秩检验' },
  summary: {
    en: 'Paired (two measurements per subject, wide form) or one-sample comparison without assuming normality, with the Hodges–Lehmann pseudomedian, as R’s wilcox.test(x, y, paired = TRUE, conf.int = TRUE).',
    zh: '配对（每个对象两次测量，宽格式）或单样本比较，不假定正态分布，并给出 Hodges–Lehmann 伪中位数，与 R 的 wilcox.test(x, y, paired = TRUE, conf.int = TRUE) 一致。',
  },
  help: {
    en: 'With a second measurement the test is on the differences x − y; without one it tests whether x is centred at μ. Zero differences are dropped, as in R. V is the sum of the ranks of the positive differences.',
    zh: '有第二次测量时对差值 x − y 进行检验；没有时检验 x 是否以 μ 为中心。与 R 相同，差值为零的对子被剔除。V 为正差值的秩和。',
  },
  category: 'compare',
  keywords: ['Wilcoxon', 'signed rank', 'paired', 'one sample', 'nonparametric', 'pseudomedian', '符号秩检验', '配对', '非参数'],
  roles: [
    { name: 'x', label: { en: 'First measurement', zh: '第一次测量' }, help: { en: 'Numeric; for one sample, the variable tested against μ.', zh: '数值变量；单样本时为与 μ 比较的变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'y', label: { en: 'Second measurement (optional)', zh: '第二次测量（可选）' }, help: { en: 'Leave empty for a one-sample test.', zh: '单样本检验时留空。' }, types: ['numeric', 'integer'], min: 0, max: 1 },
  ],
  options: [
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (location ≠ μ)', zh: '双侧（位置 ≠ μ）' } },
        { value: 'less', label: { en: 'Less (location < μ)', zh: '左侧（位置 < μ）' } },
        { value: 'greater', label: { en: 'Greater (location > μ)', zh: '右侧（位置 > μ）' } },
      ],
    },
    { name: 'mu', type: 'number', default: 0, label: { en: 'Hypothesised location (μ)', zh: '假设的位置（μ）' } },
    {
      name: 'exact',
      type: 'enum',
      default: 'auto',
      label: { en: 'Exact p-value', zh: '精确 P 值' },
      values: [
        { value: 'auto', label: { en: 'Automatic (exact when n < 50, no ties or zeroes)', zh: '自动（n < 50 且无结、无零差值时精确）' } },
        { value: 'true', label: { en: 'Exact (when there are no ties or zeroes)', zh: '精确（无结、无零差值时）' } },
        { value: 'false', label: { en: 'Normal approximation', zh: '正态近似' } },
      ],
    },
    { name: 'correct', type: 'boolean', default: true, label: { en: 'Continuity correction', zh: '连续性校正' } },
    { name: 'conf_int', type: 'boolean', default: true, label: { en: 'Pseudomedian and confidence interval', zh: '伪中位数及置信区间' } },
    { name: 'conf_level', type: 'number', default: 0.95, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, label: { en: 'Confidence level', zh: '置信水平' }, enableWhen: { option: 'conf_int', values: [true] } },
  ],
  outline: ['tidy', 'summary'],
  references: ['Wilcoxon F (1945). Individual comparisons by ranking methods. Biometrics Bulletin 1:80–83.', 'Hollander M, Wolfe DA (1999). Nonparametric Statistical Methods, 2nd ed. Wiley.', 'R Core Team. wilcox.test {stats}.'],
};
