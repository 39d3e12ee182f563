import type { Interpreter } from '$core/plugin/types';
import { fmt } from '$core/stats/format';

export const interpret: Interpreter = (result, input) => {
  const en: string[] = [];
  const zh: string[] = [];
  const x = (Array.isArray(input.roles.x) ? input.roles.x[0] : input.roles.x)?.name ?? 'x';
  const y = (Array.isArray(input.roles.y) ? input.roles.y[0] : input.roles.y)?.name ?? 'y';
  for (const r of result.tables.coefficients?.rows ?? []) {
    const s = r.slope as number;
    const g = r.group === undefined ? '' : ` In group “${r.group}”,`;
    const gz = r.group === undefined ? '' : `组“${r.group}”中，`;
    en.push(`${g} ${y} changes by ${fmt(s, 4)} per unit of ${x} on the least-squares line (n = ${r.n}).`.trim());
    zh.push(`${gz}按最小二乘直线，${x} 每增加 1 个单位，${y} 变化 ${fmt(s, 4)}（n = ${r.n}）。`);
  }
  en.push('The shaded band is the 95% confidence interval of the mean of y at each x, not a range for individual values; look for curvature and outliers before reading the line.');
  zh.push('阴影带为各 x 处 y 均值的 95% 置信区间，而非个体值的范围；解读直线前请查看有无曲线趋势和离群值。');
  return { en, zh };
};
