import type { Interpreter, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { fmt } from '$core/stats/format';

export const interpret: Interpreter = (result: Result, _input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.frequencies?.rows ?? [];
  const vars = [...new Set(rows.map((r) => String(r.variable)))];
  for (const v of vars.slice(0, 10)) {
    const rs = rows.filter((r) => r.variable === v && r.level !== '(missing)');
    const miss = rows.find((r) => r.variable === v && r.level === '(missing)');
    const parts = rs.slice(0, 8).map((r) => `${r.level} ${fmt(Number(r.n), 6)} (${fmt(100 * Number(r.valid_percent), 3)}%)`);
    const more = rs.length > 8 ? `, … (${rs.length} categories)` : '';
    const moreZh = rs.length > 8 ? `，…（共 ${rs.length} 个类别）` : '';
    en.push(`${v}: ${parts.join(', ')}${more}${miss ? `; ${fmt(Number(miss.n), 6)} missing` : ''}.`);
    zh.push(`${v}：${parts.join('，')}${moreZh}${miss ? `；缺失 ${fmt(Number(miss.n), 6)} 例` : ''}。`);
  }
  if (vars.length > 10) {
    en.push(`… and ${vars.length - 10} more variables (see the table).`);
    zh.push(`……另有 ${vars.length - 10} 个变量（见表）。`);
  }
  en.push('Percentages in parentheses are of the non-missing values. Frequencies describe the sample; they test no hypothesis.');
  zh.push('括号内为占非缺失值的百分比。频数只描述样本，不检验任何假设。');
  return { en, zh };
};
