import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'chart.histogram',
  kind: 'chart',
  version: '1.0.0',
  title: { en: 'Histogram', zh: '直方图' },
  summary: {
    en: 'Histogram of a numeric variable with the same bins as R’s hist(): Sturges’ rule and pretty() break points, intervals closed on the right.',
    zh: '数值变量的直方图，分组与 R 的 hist() 相同：Sturges 规则与 pretty() 断点，区间右闭。',
  },
  help: {
    en: 'The number of bins is a suggestion, as in R: the breaks are rounded to “pretty” values. With a group, all groups share the same breaks.',
    zh: '与 R 一样，组数只是建议值，断点会取整为“美观”的数值。指定分组时，各组使用相同的断点。',
  },
  category: 'chart',
  keywords: ['histogram', 'distribution', 'bins', 'hist', '直方图', '分布'],
  roles: [
    { name: 'x', label: { en: 'Variable', zh: '变量' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, types: ['categorical', 'boolean', 'integer'], min: 0, max: 1 },
  ],
  options: [
    {
      name: 'bins',
      type: 'number',
      integer: true,
      default: 0,
      min: 0,
      max: 1000,
      label: { en: 'Number of bins (0 = automatic)', zh: '组数（0 = 自动）' },
      help: {
        en: '0 uses Sturges’ rule, as R’s hist(x). Another value n is passed to pretty(range(x), n), as hist(x, breaks = n).',
        zh: '0 表示使用 Sturges 规则（同 R 的 hist(x)）；其他值 n 传给 pretty(range(x), n)，同 hist(x, breaks = n)。',
      },
    },
  ],
  outline: ['bins'],
  references: ['Sturges HA (1926). The choice of a class interval. JASA 21:65–66.', 'R Core Team. hist {graphics}; pretty {base}.'],
};
