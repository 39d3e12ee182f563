import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.anova_oneway',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'One-way ANOVA', zh: '单因素方差分析' },
  summary: {
    en: 'Compares the means of a numeric outcome across two or more groups: classic ANOVA (aov) or Welch’s ANOVA (oneway.test), with eta squared.',
    zh: '比较两个或多个组的数值型结局均值：经典方差分析（aov）或 Welch 方差分析（oneway.test），并给出 η²。',
  },
  help: {
    en: 'By default the classic F test assumes equal variances in the groups; switch “equal variances” off for Welch’s ANOVA, which does not. Levene’s test (Brown–Forsythe, centred at the median) is shown as a check. Use Tukey’s HSD to see which groups differ.',
    zh: '默认的经典 F 检验假定各组方差相等；关闭“方差相等”则使用不要求方差相等的 Welch 方差分析。同时给出 Levene 检验（Brown–Forsythe，以中位数为中心）作为检查。要了解哪些组之间有差异，请使用 Tukey HSD 多重比较。',
  },
  category: 'compare',
  keywords: ['ANOVA', 'one-way', 'F test', 'Welch', 'aov', 'oneway.test', 'eta squared', '方差分析', '单因素', '多组均值比较'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, help: { en: 'The numeric variable whose means are compared.', zh: '要比较均值的数值变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, help: { en: 'A variable with two or more groups.', zh: '有两个或多个组的变量。' }, types: ['categorical', 'boolean', 'integer', 'numeric'], min: 1, max: 1, as: 'categorical' },
  ],
  options: [
    {
      name: 'var_equal',
      type: 'boolean',
      default: true,
      label: { en: 'Assume equal variances (classic ANOVA)', zh: '假定方差相等（经典方差分析）' },
      help: { en: 'On: the classic F test (aov). Off: Welch’s ANOVA (oneway.test with var.equal = FALSE).', zh: '开启：经典 F 检验（aov）；关闭：Welch 方差分析（oneway.test，var.equal = FALSE）。' },
    },
  ],
  outline: ['tidy', 'anova', 'groups'],
  references: [
    'Welch BL (1951). On the comparison of several mean values: an alternative approach. Biometrika 38:330–336.',
    'Brown MB, Forsythe AB (1974). Robust tests for the equality of variances. JASA 69:364–367.',
    'R Core Team. aov, oneway.test {stats}; Fox J, Weisberg S. leveneTest {car}.',
  ],
};
