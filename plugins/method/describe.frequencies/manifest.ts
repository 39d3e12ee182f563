import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'describe.frequencies',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Frequency tables', zh: '频数表' },
  summary: {
    en: 'Counts and percentages of each category of one or more categorical variables, as R’s table() and prop.table(), with missing values shown separately.',
    zh: '一个或多个分类变量各类别的频数与百分比，与 R 的 table() 和 prop.table() 一致，缺失值单独列出。',
  },
  help: {
    en: 'Percent uses all rows (missing included) as the denominator; valid percent and cumulative percent use the non-missing rows. Each variable keeps its own missing values (no listwise deletion).',
    zh: '百分比以全部行（含缺失）为分母；有效百分比和累计百分比以非缺失行为分母。每个变量单独处理其缺失值（不做整行删除）。',
  },
  category: 'describe',
  keywords: ['frequency', 'frequencies', 'counts', 'percent', 'table', 'categorical', '频数', '频率', '构成比', '百分比'],
  roles: [
    { name: 'variables', label: { en: 'Variables', zh: '变量' }, types: ['categorical', 'boolean', 'integer'], min: 1, max: 200, as: 'categorical' },
  ],
  options: [
    {
      name: 'sort',
      type: 'enum',
      default: 'level',
      label: { en: 'Order of categories', zh: '类别顺序' },
      values: [
        { value: 'level', label: { en: 'Level order', zh: '水平顺序' } },
        { value: 'frequency', label: { en: 'Most frequent first', zh: '频数从高到低' } },
      ],
    },
    { name: 'include_missing', type: 'boolean', default: true, label: { en: 'Show missing values as a category', zh: '将缺失值列为一个类别' } },
  ],
  outline: ['frequencies'],
  references: ['R Core Team. table, prop.table {base}.'],
  listwise: false,
};
