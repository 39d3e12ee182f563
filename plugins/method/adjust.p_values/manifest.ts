import type { PluginManifest } from '$core/plugin/types';
import { P_ADJUST_METHODS } from '$core/stats/padjust-methods';

const LABELS: Record<string, { en: string; zh: string }> = {
  holm: { en: 'Holm (family-wise error)', zh: 'Holm（控制总体 I 类错误）' },
  hochberg: { en: 'Hochberg', zh: 'Hochberg' },
  hommel: { en: 'Hommel', zh: 'Hommel' },
  bonferroni: { en: 'Bonferroni', zh: 'Bonferroni' },
  BH: { en: 'Benjamini–Hochberg (false discovery rate)', zh: 'Benjamini–Hochberg（错误发现率）' },
  BY: { en: 'Benjamini–Yekutieli (FDR under dependence)', zh: 'Benjamini–Yekutieli（相关时的 FDR）' },
  fdr: { en: 'FDR (= Benjamini–Hochberg)', zh: 'FDR（即 Benjamini–Hochberg）' },
  none: { en: 'None', zh: '不校正' },
};

/** listwise: false — rows keep their numbers; missing p-values stay missing and do not count (as p.adjust). */
export const manifest: PluginManifest = {
  id: 'adjust.p_values',
  kind: 'method',
  version: '1.0.0',
  listwise: false,
  title: { en: 'Adjust p-values for multiple testing', zh: '多重检验 P 值校正' },
  summary: {
    en: 'Adjusts a column of p-values for multiple comparisons (Holm, Hochberg, Hommel, Bonferroni, Benjamini–Hochberg, Benjamini–Yekutieli), as R’s p.adjust().',
    zh: '对一列 P 值进行多重比较校正（Holm、Hochberg、Hommel、Bonferroni、Benjamini–Hochberg、Benjamini–Yekutieli），与 R 的 p.adjust() 一致。',
  },
  help: {
    en: 'Choose a column holding one p-value per row (values between 0 and 1). Missing values stay missing and are not counted in the number of tests.',
    zh: '请选择每行一个 P 值的列（取值 0 至 1）。缺失值保持缺失，且不计入检验次数。',
  },
  category: 'adjust',
  keywords: ['p.adjust', 'multiple testing', 'multiple comparisons', 'Bonferroni', 'Holm', 'FDR', 'Benjamini-Hochberg', 'false discovery rate', '多重比较', '多重检验', 'P值校正', '错误发现率'],
  roles: [{ name: 'variables', label: { en: 'P-value column', zh: 'P 值列' }, types: ['numeric'], min: 1, max: 1 }],
  options: [{ name: 'method', type: 'enum', default: 'holm', label: { en: 'Method', zh: '校正方法' }, values: P_ADJUST_METHODS.map((m) => ({ value: m, label: LABELS[m] })) }],
  outline: ['adjusted'],
  references: [
    'R Core Team. p.adjust {stats}.',
    'Holm S (1979). Scand J Statist 6:65–70.',
    'Benjamini Y, Hochberg Y (1995). Controlling the false discovery rate. JRSS B 57:289–300.',
    'Benjamini Y, Yekutieli D (2001). The control of the false discovery rate in multiple testing under dependency. Ann Statist 29:1165–1188.',
  ],
};
