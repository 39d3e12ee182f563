import type { PluginManifest } from '$core/plugin/types';

/**
 * `listwise: false`: each variable is summarised on its own non-missing rows (as tableone);
 * rows with a missing group are excluded from every column and counted in a note.
 */
export const manifest: PluginManifest = {
  id: 'describe.table1',
  kind: 'method',
  version: '1.0.0',
  listwise: false,
  title: { en: 'Table 1 (baseline characteristics)', zh: '基线特征表（表 1）' },
  summary: {
    en: 'Baseline characteristics by group, as “Table 1” of a clinical paper: mean (SD) or median [IQR] for numbers, n (%) for categories, with p-values and standardized mean differences (as R’s tableone::CreateTableOne).',
    zh: '按组汇总的基线特征（临床论文的“表 1”）：数值变量报告均值（标准差）或中位数 [四分位距]，分类变量报告 n (%)，并给出 P 值和标准化均数差（与 R 的 tableone::CreateTableOne 一致）。',
  },
  help: {
    en: 'Numeric variables are shown as mean (SD) when Shapiro–Wilk p ≥ 0.05 in every group (Welch t-test for 2 groups, one-way ANOVA for 3+), otherwise as median [Q1, Q3] (Wilcoxon rank-sum or Kruskal–Wallis). Categorical variables use the chi-square test without continuity correction, or Fisher’s exact test when an expected count is below 5. SMD: (m1 − m2) / √((s1² + s2²)/2) for numbers and the multi-level SMD of Yang & Dalton for categories; with 3+ groups, the mean of the pairwise absolute SMDs. Percentages are of the non-missing values in each column.',
    zh: '数值变量在各组 Shapiro–Wilk 检验 P ≥ 0.05 时报告均值（标准差）（两组用 Welch t 检验，三组及以上用单因素方差分析），否则报告中位数 [Q1, Q3]（Wilcoxon 秩和检验或 Kruskal–Wallis 检验）。分类变量用不校正的卡方检验；若有期望频数 < 5，则用 Fisher 精确检验。SMD：数值变量为 (m1 − m2) / √((s1² + s2²)/2)，分类变量为 Yang & Dalton 的多类别 SMD；三组及以上时为两两 SMD 绝对值的均值。百分比以每列非缺失值为分母。',
  },
  category: 'describe',
  keywords: ['table 1', 'table one', 'tableone', 'baseline', 'characteristics', 'demographics', 'SMD', 'standardized mean difference', '基线', '基线特征', '三线表', '表1', '标准化均数差'],
  roles: [
    {
      name: 'variables',
      label: { en: 'Variables', zh: '变量' },
      help: { en: 'The characteristics to summarise: numeric variables as numbers, the others as categories.', zh: '要汇总的特征：数值变量按数值处理，其余按分类处理。' },
      types: ['numeric', 'integer', 'categorical', 'boolean'],
      min: 1,
      max: 1000,
      as: 'auto',
    },
    {
      name: 'group',
      label: { en: 'Group (columns)', zh: '分组变量（列）' },
      help: { en: 'Optional: a variable with 2 or more groups, one column each.', zh: '可选：有 2 个或以上组的变量，每组一列。' },
      types: ['categorical', 'boolean', 'integer'],
      min: 0,
      max: 1,
      as: 'categorical',
    },
  ],
  options: [
    {
      name: 'continuous',
      type: 'enum',
      default: 'auto',
      label: { en: 'Numeric summaries', zh: '数值变量的汇总方式' },
      help: {
        en: 'Auto: mean (SD) when Shapiro–Wilk p ≥ 0.05 in every group (3 ≤ n ≤ 5000), else median [IQR].',
        zh: '自动：各组（3 ≤ n ≤ 5000）Shapiro–Wilk 检验 P ≥ 0.05 时报告均值（标准差），否则报告中位数 [四分位距]。',
      },
      values: [
        { value: 'auto', label: { en: 'Automatic (Shapiro–Wilk)', zh: '自动（Shapiro–Wilk 检验）' } },
        { value: 'mean_sd', label: { en: 'Mean (SD) for all', zh: '全部用均值（标准差）' } },
        { value: 'median_iqr', label: { en: 'Median [IQR] for all', zh: '全部用中位数 [四分位距]' } },
      ],
    },
    {
      name: 'test',
      type: 'boolean',
      default: true,
      label: { en: 'p-values (tests between groups)', zh: 'P 值（组间检验）' },
      help: { en: 'In randomized trials, p-values for baseline differences are discouraged (CONSORT).', zh: '在随机对照试验中，不建议报告基线差异的 P 值（CONSORT）。' },
    },
    {
      name: 'smd',
      type: 'boolean',
      default: true,
      label: { en: 'Standardized mean differences (SMD)', zh: '标准化均数差（SMD）' },
    },
    {
      name: 'missing',
      type: 'boolean',
      default: true,
      label: { en: 'Show missing counts', zh: '显示缺失数' },
    },
  ],
  outline: ['table1', 'table1_values'],
  references: [
    'Yoshida K, Bartel A. tableone: Create “Table 1” to Describe Baseline Characteristics. R package.',
    'Yang D, Dalton JE (2012). A unified approach to measuring the effect size between two groups using SAS. SAS Global Forum, paper 335-2012.',
    'Austin PC (2009). Balance diagnostics for comparing the distribution of baseline covariates between treatment groups in propensity-score matched samples. Statistics in Medicine 28:3083–3107.',
    'Moher D et al. (2010). CONSORT 2010 explanation and elaboration. BMJ 340:c869 (item 15: baseline data).',
  ],
};
