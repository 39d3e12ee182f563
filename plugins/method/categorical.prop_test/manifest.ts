import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'categorical.prop_test',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Test of proportions', zh: '率的比较（比例检验）' },
  summary: {
    en: 'Compares the proportion of a binary outcome with a given value (one sample) or between groups (chi-square test of equal proportions), as R’s prop.test.',
    zh: '将二分类结局的比例与给定值比较（单样本），或在各组间比较（等比例卡方检验），与 R 的 prop.test 一致。',
  },
  help: {
    en: 'The success level is the one named in “Success level”; when empty, the second level in sorted order. One sample: Wilson score interval with continuity correction; two groups: difference of proportions (group 1 − group 2, groups in sorted order) with its interval; more groups: chi-square test of equal proportions (two-sided only).',
    zh: '成功水平为“成功水平”选项指定的水平；留空时取排序后的第二个水平。单样本：带连续性校正的 Wilson 得分区间；两组：率差（组 1 − 组 2，组按排序）及其置信区间；多组：等比例卡方检验（仅双侧）。',
  },
  category: 'categorical',
  keywords: ['proportion', 'prop.test', 'rate', 'difference in proportions', 'Wilson', 'two proportions', '率的比较', '比例检验', '率差', '两样本率'],
  roles: [
    { name: 'row', label: { en: 'Binary outcome', zh: '二分类结局' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 1, as: 'categorical' },
    { name: 'column', label: { en: 'Group (optional)', zh: '分组变量（可选）' }, types: ['categorical', 'boolean', 'integer'], min: 0, max: 1, as: 'categorical' },
    {
      name: 'weight',
      label: { en: 'Frequency weight', zh: '频数权重' },
      help: { en: 'Optional: the number of subjects each row stands for.', zh: '可选：每一行代表的例数。' },
      types: ['numeric', 'integer'],
      min: 0,
      max: 1,
      as: 'numeric',
    },
  ],
  options: [
    { name: 'success', type: 'string', default: '', label: { en: 'Success level (empty: second level)', zh: '成功水平（留空：第二个水平）' } },
    { name: 'p', type: 'number', default: 0.5, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, label: { en: 'Hypothesised proportion (one sample)', zh: '假设的比例（单样本）' } },
    {
      name: 'alternative',
      type: 'enum',
      default: 'two.sided',
      label: { en: 'Alternative hypothesis', zh: '备择假设' },
      values: [
        { value: 'two.sided', label: { en: 'Two-sided', zh: '双侧' } },
        { value: 'less', label: { en: 'Less', zh: '左侧（小于）' } },
        { value: 'greater', label: { en: 'Greater', zh: '右侧（大于）' } },
      ],
    },
    CONF_LEVEL,
    { name: 'correct', type: 'boolean', default: true, label: { en: 'Continuity correction (1 or 2 groups)', zh: '连续性校正（1 或 2 组）' } },
  ],
  outline: ['tidy', 'groups'],
  references: ['Newcombe RG (1998). Two-sided confidence intervals for the single proportion. Stat Med 17:857–872.', 'R Core Team. prop.test {stats}.'],
};
