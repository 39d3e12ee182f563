import type { Interpreter } from '$core/plugin/types';
import { fmt } from '$core/stats/format';

export const interpret: Interpreter = (result, input) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.means?.rows ?? [];
  if (!rows.length) return { en, zh };
  const y = (Array.isArray(input.roles.y) ? input.roles.y[0] : input.roles.y)?.name ?? 'y';
  const error = String(input.options.error ?? 'ci');
  const hi = rows.reduce((a, b) => ((b.mean as number) > (a.mean as number) ? b : a));
  const lo = rows.reduce((a, b) => ((b.mean as number) < (a.mean as number) ? b : a));
  en.push(`The mean of ${y} is highest in “${hi.group}” (${fmt(hi.mean as number, 4)}) and lowest in “${lo.group}” (${fmt(lo.mean as number, 4)}).`);
  zh.push(`${y} 的均值在“${hi.group}”组最高（${fmt(hi.mean as number, 4)}），在“${lo.group}”组最低（${fmt(lo.mean as number, 4)}）。`);
  if (error === 'ci') {
    en.push('Error bars are 95% confidence intervals of each mean; overlap does not by itself show that groups do not differ — use a test (t-test, ANOVA).');
    zh.push('误差线为各均值的 95% 置信区间；区间重叠本身不能说明组间无差异，请使用检验（t 检验、方差分析）。');
  } else {
    en.push(error === 'sd' ? 'Error bars are ± 1 SD: they show the spread of the values, not the precision of the mean.' : 'Error bars are ± 1 SE: about a 68% interval for each mean, narrower than a 95% CI.');
    zh.push(error === 'sd' ? '误差线为 ± 1 个标准差：反映数据离散程度，而非均值的精确度。' : '误差线为 ± 1 个标准误：约为均值的 68% 区间，窄于 95% 置信区间。');
  }
  return { en, zh };
};
