import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'categorical.mantel_haenszel',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Cochran–Mantel–Haenszel test (stratified 2 × 2 tables)', zh: 'Cochran–Mantel–Haenszel 检验（分层四格表）' },
  summary: {
    en: 'Tests the association of two binary variables across strata and estimates the common odds ratio, as R’s mantelhaen.test on a 2 × 2 × K table; Breslow–Day test of homogeneous odds ratios.',
    zh: '在各分层中检验两个二分类变量的关联并估计公共比值比，与 R 的 mantelhaen.test（2 × 2 × K 表）一致；并以 Breslow–Day 检验比值比的同质性。',
  },
  help: {
    en: 'The odds ratio compares the first row level with the second on the odds of the first column level (levels in sorted order). The Mantel–Haenszel estimate has the Robins–Breslow–Greenland confidence interval; the exact option gives the conditional maximum likelihood estimate and exact interval. If the Breslow–Day test shows that the odds ratios differ between strata, report the stratum-specific odds ratios rather than the common one.',
    zh: '比值比为行变量第一个水平相对于第二个水平、出现列变量第一个水平的比值比（水平按排序）。Mantel–Haenszel 估计采用 Robins–Breslow–Greenland 置信区间；精确选项给出条件最大似然估计及精确区间。若 Breslow–Day 检验显示各层比值比不同，应报告分层比值比而非公共比值比。',
  },
  category: 'categorical',
  keywords: ['Mantel-Haenszel', 'Cochran-Mantel-Haenszel', 'CMH', 'stratified', 'common odds ratio', 'Breslow-Day', 'confounding', '分层卡方', '分层分析', 'CMH 检验', '公共比值比'],
  roles: [
    { name: 'row', label: { en: 'Row variable (exposure)', zh: '行变量（暴露）' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, levels: 2, as: 'categorical' },
    { name: 'column', label: { en: 'Column variable (outcome)', zh: '列变量（结局）' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, levels: 2, as: 'categorical' },
    { name: 'layer', label: { en: 'Strata', zh: '分层变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    {
      name: 'weight',
      label: { en: 'Frequency weight', zh: '频数权重' },
      help: { en: 'Optional: the number of subjects each row stands for (aggregated data).', zh: '可选：每一行代表的例数（汇总数据）。' },
      types: ['numeric', 'integer'],
      min: 0,
      max: 1,
      as: 'numeric',
    },
  ],
  options: [
    { name: 'correct', type: 'boolean', default: true, label: { en: 'Continuity correction', zh: '连续性校正' } },
    { name: 'exact', type: 'boolean', default: false, label: { en: 'Exact conditional test', zh: '精确条件检验' } },
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided (common OR ≠ 1)', zh: '双侧（公共 OR ≠ 1）' } },
        { value: 'less', label: { en: 'Less (common OR < 1)', zh: '左侧（公共 OR < 1）' } },
        { value: 'greater', label: { en: 'Greater (common OR > 1)', zh: '右侧（公共 OR > 1）' } },
      ],
    },
    CONF_LEVEL,
    {
      name: 'tarone',
      type: 'boolean',
      default: false,
      label: { en: 'Tarone’s correction of the Breslow–Day test', zh: 'Breslow–Day 检验采用 Tarone 校正' },
    },
  ],
  outline: ['tidy', 'strata'],
  references: [
    'Mantel N, Haenszel W (1959). Statistical aspects of the analysis of data from retrospective studies of disease. JNCI 22:719–748.',
    'Robins J, Breslow N, Greenland S (1986). Estimators of the Mantel–Haenszel variance consistent in both sparse data and large-strata limiting models. Biometrics 42:311–323.',
    'Breslow NE, Day NE (1980). Statistical Methods in Cancer Research I. IARC. Tarone RE (1985). On heterogeneity tests based on efficient scores. Biometrika 72:91–95.',
    'R Core Team. mantelhaen.test {stats}.',
  ],
};
