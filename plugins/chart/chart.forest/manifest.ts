import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'chart.forest',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Forest plot', zh: '森林图' },
  summary: {
    en: 'Forest plot from a table of estimates: one row per label with its estimate and confidence interval, a reference line, on a log axis for ratios.',
    zh: '由估计值表绘制森林图：每个标签一行，显示估计值及置信区间和参考线；比值类指标使用对数轴。',
  },
  help: {
    en: 'Rows are drawn in the order of the data. Covariates: the lower and then the upper confidence limit.',
    zh: '按数据中的行顺序绘制。协变量依次为置信区间下限和上限。',
  },
  category: 'chart',
  keywords: ['forest plot', 'odds ratio', 'hazard ratio', 'meta-analysis', 'subgroup', '森林图', '亚组分析'],
  roles: [
    { name: 'group', label: { en: 'Labels', zh: '标签' }, types: ['categorical', 'text', 'integer', 'boolean'], min: 1, max: 1 },
    { name: 'outcome', label: { en: 'Estimate', zh: '估计值' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'covariates', label: { en: 'Lower and upper limit', zh: '下限和上限' }, types: ['numeric', 'integer'], min: 2, max: 2, as: 'numeric' },
  ],
  options: [
    { name: 'log_scale', type: 'boolean', default: true, label: { en: 'Log scale (ratios)', zh: '对数尺度（比值）' } },
    { name: 'reference', type: 'number', default: 1, label: { en: 'Reference line', zh: '参考线' }, help: { en: '1 for ratios, 0 for differences.', zh: '比值取 1，差值取 0。' } },
  ],
  outline: ['forest'],
  references: ['Lewis S, Clarke M (2001). Forest plots: trying to see the wood and the trees. BMJ 322:1479–1480.'],
};
