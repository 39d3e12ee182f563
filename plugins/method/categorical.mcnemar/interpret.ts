import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const nameOf = (input: RunInput, role: string, dflt: string) => {
  const c = input.roles[role];
  return (Array.isArray(c) ? c[0] : c)?.name ?? dflt;
};

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  if (!t) return { en, zh };
  const x = nameOf(input, 'x', 'the first measurement');
  const y = nameOf(input, 'y', 'the second measurement');
  const p = num(t.p_value);
  const bowker = Number(t.df) > 1;
  en.push(`${bowker ? 'Bowker’s test of symmetry' : 'McNemar’s test'} comparing ${x} with ${y} (${fmt(num(t.discordant), 6)} discordant pairs): χ²(${t.df}) = ${fmt(num(t.statistic))}, p ${fmtP(p)}.`);
  zh.push(`比较 ${x} 与 ${y} 的${bowker ? ' Bowker 对称性检验' : ' McNemar 检验'}（不一致对数 ${fmt(num(t.discordant), 6)}）：χ²(${t.df}) = ${fmt(num(t.statistic))}，P ${fmtP(p)}。`);
  if (p !== null && p < 0.05) {
    en.push(`At the 5% level the paired distributions differ: changes in one direction outnumber changes in the other.`);
    zh.push('在 5% 检验水准下，配对分布不同：某一方向的变化多于相反方向。');
  } else {
    en.push('At the 5% level there was no evidence that changes in one direction outnumber changes in the other; this does not show that the measurements agree.');
    zh.push('在 5% 检验水准下，没有证据表明某一方向的变化多于相反方向；这并不说明两次测量一致。');
  }
  en.push('McNemar’s test uses only the discordant pairs; it tests marginal change, not agreement (use kappa for agreement).');
  zh.push('McNemar 检验只利用不一致的配对；它检验边际变化，而非一致性（一致性请用 kappa）。');
  return { en, zh };
};
