import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.posthoc_dunn',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Dunn’s post-hoc test', zh: 'Dunn 事后多重比较' },
  summary: {
    en: 'Pairwise comparisons of mean ranks after a Kruskal–Wallis test (z statistics with tie correction), with adjusted p-values, as FSA::dunnTest.',
    zh: 'Kruskal–Wallis 检验后各组平均秩的两两比较（经结校正的 z 统计量），给出校正后的 P 值，与 FSA::dunnTest 一致。',
  },
  category: 'compare',
  keywords: ['Dunn', 'post hoc', 'pairwise', 'Kruskal-Wallis', 'multiple comparisons', '事后检验', '两两比较', '多重比较'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1 },
  ],
  options: [
    {
      name: 'method',
      type: 'enum',
      default: 'holm',
      label: { en: 'P-value adjustment', zh: 'P 值校正方法' },
      values: [
        { value: 'holm', label: { en: 'Holm', zh: 'Holm' } },
        { value: 'bonferroni', label: { en: 'Bonferroni', zh: 'Bonferroni' } },
        { value: 'hochberg', label: { en: 'Hochberg', zh: 'Hochberg' } },
        { value: 'hommel', label: { en: 'Hommel', zh: 'Hommel' } },
        { value: 'BH', label: { en: 'Benjamini–Hochberg (FDR)', zh: 'Benjamini–Hochberg（FDR）' } },
        { value: 'BY', label: { en: 'Benjamini–Yekutieli', zh: 'Benjamini–Yekutieli' } },
        { value: 'none', label: { en: 'None', zh: '不校正' } },
      ],
    },
  ],
  outline: ['posthoc', 'groups'],
  references: ['Dunn OJ (1964). Multiple comparisons using rank sums. Technometrics 6:241–252.', 'Ogle DH et al. FSA: dunnTest.', 'R Core Team. p.adjust {stats}.'],
};
