import type { PluginManifest } from '$core/plugin/types';

/** listwise: false — each variable uses its own non-missing values. */
export const manifest: PluginManifest = {
  id: 'describe.normality',
  kind: 'method',
  version: '1.0.0',
  listwise: false,
  title: { en: 'Normality tests', zh: '正态性检验' },
  summary: {
    en: 'Shapiro–Wilk (R’s shapiro.test) and Lilliefors-corrected Kolmogorov–Smirnov (nortest::lillie.test) tests of normality, with normal Q-Q plots, per variable and group.',
    zh: '逐变量（可按组）进行 Shapiro–Wilk 检验（R 的 shapiro.test）和 Lilliefors 校正的 Kolmogorov–Smirnov 检验（nortest::lillie.test），并绘制正态 Q-Q 图。',
  },
  help: {
    en: 'Shapiro–Wilk needs 3 to 5000 values (as R); Lilliefors needs at least 5. With large samples tiny, unimportant departures become “significant”: judge the Q-Q plot, not only the p-value.',
    zh: 'Shapiro–Wilk 检验要求 3 至 5000 个观测值（与 R 一致）；Lilliefors 检验至少需要 5 个。大样本时微小而无关紧要的偏离也会“有统计学意义”：请结合 Q-Q 图判断，而不只看 P 值。',
  },
  category: 'describe',
  keywords: ['normality', 'normal distribution', 'Shapiro-Wilk', 'Shapiro', 'Kolmogorov-Smirnov', 'Lilliefors', 'KS', 'Q-Q plot', 'QQ', '正态性', '正态检验', 'QQ图'],
  roles: [
    { name: 'variables', label: { en: 'Variables', zh: '变量' }, types: ['numeric', 'integer'], min: 1, max: 1000 },
    { name: 'group', label: { en: 'Group by', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 0, max: 1 },
  ],
  options: [],
  outline: ['tidy'],
  references: [
    'Royston P (1995). Remark AS R94: A remark on Algorithm AS 181: The W-test for normality. Applied Statistics 44:547–551.',
    'Lilliefors HW (1967). On the Kolmogorov–Smirnov test for normality with mean and variance unknown. JASA 62:399–402.',
    'Dallal GE, Wilkinson L (1986). An analytic approximation to the distribution of Lilliefors’s test statistic for normality. The American Statistician 40:294–296.',
  ],
};
