import type { Interpreter } from '$core/plugin/types';
import { fmt } from '$core/stats/format';

export const interpret: Interpreter = (result, input) => {
  const en: string[] = [];
  const zh: string[] = [];
  const y = (Array.isArray(input.roles.y) ? input.roles.y[0] : input.roles.y)?.name ?? 'y';
  for (const r of result.tables.qqline?.rows ?? []) {
    const g = r.group === undefined ? '' : ` (group “${r.group}”)`;
    en.push(`${y}${g}: the reference line through the quartiles has intercept ${fmt(r.intercept as number, 4)} and slope ${fmt(r.slope as number, 4)} (n = ${r.n}).`);
    zh.push(`${y}${r.group === undefined ? '' : `（组“${r.group}”）`}：过四分位数的参考线截距为 ${fmt(r.intercept as number, 4)}，斜率为 ${fmt(r.slope as number, 4)}（n = ${r.n}）。`);
  }
  en.push('Points close to the line suggest a normal distribution; an S-shape or curved ends suggest heavy or light tails or skewness.');
  zh.push('点越接近直线越符合正态分布；S 形或两端弯曲提示厚尾、薄尾或偏态。');
  return { en, zh };
};
