import type { Interpreter } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.descriptives?.rows ?? [];
  for (const r of rows) {
    const who = r.group !== undefined && r.group !== null ? `${r.variable} (${r.group})` : String(r.variable);
    const whoZh = r.group !== undefined && r.group !== null ? `${r.variable}（${r.group}）` : String(r.variable);
    const n = r.n as number;
    const miss = r.missing as number;
    if (!n) {
      en.push(`${who}: no non-missing values${miss ? ` (${miss} missing)` : ''}.`);
      zh.push(`${whoZh}：没有非缺失值${miss ? `（缺失 ${miss} 个）` : ''}。`);
      continue;
    }
    const sd = num(r.sd);
    const missEn = miss ? `, ${miss} missing` : '';
    const missZh = miss ? `，缺失 ${miss} 个` : '';
    let s = `${who}: n = ${n}${missEn}; mean ${fmt(num(r.mean))}${sd === null ? '' : ` (SD ${fmt(sd)})`}, median ${fmt(num(r.median))} (IQR ${fmt(num(r.q1))} to ${fmt(num(r.q3))}), range ${fmt(num(r.min))} to ${fmt(num(r.max))}.`;
    let z = `${whoZh}：n = ${n}${missZh}；均值 ${fmt(num(r.mean))}${sd === null ? '' : `（标准差 ${fmt(sd)}）`}，中位数 ${fmt(num(r.median))}（四分位数 ${fmt(num(r.q1))} 至 ${fmt(num(r.q3))}），范围 ${fmt(num(r.min))} 至 ${fmt(num(r.max))}。`;
    const sk = num(r.skewness);
    if (sk !== null && Math.abs(sk) >= 1) {
      s += ` The distribution is markedly ${sk > 0 ? 'right' : 'left'}-skewed (skewness ${fmt(sk, 2)}), so the median and IQR describe it better than the mean and SD.`;
      z += ` 分布明显${sk > 0 ? '右' : '左'}偏（偏度 ${fmt(sk, 2)}），用中位数和四分位数描述比均值和标准差更合适。`;
    } else if (sk !== null && Math.abs(sk) >= 0.5) {
      s += ` The distribution is moderately ${sk > 0 ? 'right' : 'left'}-skewed (skewness ${fmt(sk, 2)}).`;
      z += ` 分布呈中度${sk > 0 ? '右' : '左'}偏（偏度 ${fmt(sk, 2)}）。`;
    }
    if (n < 2) {
      s += ' With a single value the SD cannot be computed.';
      z += ' 只有一个值，标准差无定义。';
    }
    en.push(s);
    zh.push(z);
  }
  if (rows.length) {
    en.push('These are descriptions of the sample; they do not by themselves test any difference between variables or groups.');
    zh.push('以上为样本的描述，本身并不检验变量或组间的差异。');
  }
  return { en, zh };
};
