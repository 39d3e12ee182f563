import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.kruskal_wallis',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Kruskal–Wallis test', zh: 'Kruskal–Wallis 检验' },
  summary: {
    en: 'Compares a numeric outcome across two or more groups using ranks (no normality assumption), as R’s kruskal.test(y ~ g), with the epsilon-squared effect size.',
    zh: '用秩比较两个或多个组的数值型结局（不假定正态分布），与 R 的 kruskal.test(y ~ g) 一致，并给出 ε² 效应量。',
  },
  help: {
    en: 'The rank-based alternative to one-way ANOVA. A significant result says that at least one group tends to have larger values; use Dunn’s post-hoc test to see which.',
    zh: '单因素方差分析的秩替代方法。结果显著说明至少有一组倾向于取更大的值；用 Dunn 事后检验确定是哪些组。',
  },
  category: 'compare',
  keywords: ['Kruskal-Wallis', 'rank', 'nonparametric', 'one-way', 'several groups', '秩和检验', '多组比较', '非参数'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, help: { en: 'A variable with two or more groups.', zh: '有两个或更多组的变量。' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1 },
  ],
  options: [],
  outline: ['tidy', 'groups'],
  references: [
    'Kruskal WH, Wallis WA (1952). Use of ranks in one-criterion variance analysis. J Am Stat Assoc 47:583–621.',
    'Tomczak M, Tomczak E (2014). The need to report effect size estimates revisited. Trends Sport Sci 21:19–25.',
    'R Core Team. kruskal.test {stats}.',
  ],
};
