import type { Interpreter } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { fmt } from '$core/stats/format';

export const interpret: Interpreter = (result: Result, input) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.bins?.rows ?? [];
  if (!rows.length) return { en, zh };
  const x = (Array.isArray(input.roles.x) ? input.roles.x[0] : input.roles.x)?.name ?? 'x';
  const groups = [...new Set(rows.map((r) => (r.group === undefined ? null : String(r.group))))];
  const first = rows[0];
  const nb = rows.filter((r) => r.group === first.group).length;
  const width = (first.bin_end as number) - (first.bin_start as number);
  const lo = first.bin_start as number;
  const hi = rows[nb - 1].bin_end as number;
  en.push(`Histogram of ${x}: ${nb} bins of width ${fmt(width, 4)} from ${fmt(lo, 4)} to ${fmt(hi, 4)}.`);
  zh.push(`${x} 的直方图：${nb} 个组，组距 ${fmt(width, 4)}，范围 ${fmt(lo, 4)} 至 ${fmt(hi, 4)}。`);
  for (const g of groups) {
    const rs = rows.filter((r) => (r.group === undefined ? null : String(r.group)) === g);
    const total = rs.reduce((s, r) => s + (r.count as number), 0);
    if (!total) continue;
    const top = rs.reduce((a, b) => ((b.count as number) > (a.count as number) ? b : a));
    const share = Math.round(((top.count as number) / total) * 1000) / 10;
    const gEn = g === null ? '' : ` In group “${g}”,`;
    const gZh = g === null ? '' : `组“${g}”中，`;
    en.push(`${gEn}${g === null ? 'The' : ' the'} most frequent bin is (${fmt(top.bin_start as number, 4)}, ${fmt(top.bin_end as number, 4)}] with ${top.count} of ${total} values (${share}%).`.trim());
    zh.push(`${gZh}频数最高的组为 (${fmt(top.bin_start as number, 4)}, ${fmt(top.bin_end as number, 4)}]，含 ${top.count}/${total} 个值（${share}%）。`);
  }
  en.push('The shape of a histogram depends on the bins chosen; check skewness, several peaks and outliers before choosing a method that assumes normality.');
  zh.push('直方图的形状与分组方式有关；在选用假定正态性的方法前，请留意偏态、多峰和离群值。');
  return { en, zh };
};
