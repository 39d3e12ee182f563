import type { Interpreter } from '$core/plugin/types';

export const interpret: Interpreter = (result, input) => {
  const rows = result.tables.forest?.rows ?? [];
  const ref = Number(input.options.reference ?? 1);
  const excl = rows.filter((r) => (r.conf_low as number) > ref || (r.conf_high as number) < ref);
  const en = [`${rows.length} estimates are shown; ${excl.length} of them have an interval that excludes the reference value ${ref}${excl.length ? ` (${excl.map((r) => r.label).join(', ')})` : ''}.`];
  const zh = [`共显示 ${rows.length} 个估计值，其中 ${excl.length} 个的区间不含参考值 ${ref}${excl.length ? `（${excl.map((r) => r.label).join('、')}）` : ''}。`];
  en.push('An interval that excludes the reference suggests an effect at the interval’s confidence level; with many rows, some do so by chance.');
  zh.push('区间不含参考值提示在该置信水平下存在效应；行数较多时，部分结果可能出于偶然。');
  return { en, zh };
};
