import type { Interpreter } from '$core/plugin/types';
import { fmt } from '$core/stats/format';

export const interpret: Interpreter = (result, input) => {
  const en: string[] = [];
  const zh: string[] = [];
  const y = (Array.isArray(input.roles.y) ? input.roles.y[0] : input.roles.y)?.name ?? 'y';
  for (const r of result.tables.box?.rows ?? []) {
    const g = r.group === undefined ? '' : ` in group “${r.group}”`;
    const gz = r.group === undefined ? '' : `组“${r.group}”中，`;
    en.push(`${y}${g}: median ${fmt(r.median as number, 4)}, hinges ${fmt(r.q1 as number, 4)} to ${fmt(r.q3 as number, 4)} (n = ${r.n}, ${r.n_out} outlier${r.n_out === 1 ? '' : 's'}).`);
    zh.push(`${gz}${y} 的中位数为 ${fmt(r.median as number, 4)}，铰链为 ${fmt(r.q1 as number, 4)} 至 ${fmt(r.q3 as number, 4)}（n = ${r.n}，离群值 ${r.n_out} 个）。`);
  }
  en.push('The box spans the middle half of the values; points beyond the whiskers are more than 1.5 box lengths from the box.');
  zh.push('箱体涵盖中间一半的数据；须线以外的点距箱体超过 1.5 倍箱长。');
  return { en, zh };
};
