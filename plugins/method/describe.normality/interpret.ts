import type { Interpreter } from '$core/plugin/types';
import type { CellValue } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.tidy?.rows ?? [];
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const sw = rows[i];
    const li = rows[i + 1];
    const label = `${sw.variable}${sw.group !== undefined && sw.group !== null ? ` (${sw.group})` : ''}`;
    const w = num(sw.statistic);
    const pw = num(sw.p_value);
    const d = num(li.statistic);
    const pd = num(li.p_value);
    const partsEn: string[] = [];
    const partsZh: string[] = [];
    if (w !== null) {
      partsEn.push(`Shapiro–Wilk W = ${fmt(w, 4)}, p ${fmtP(pw)}`);
      partsZh.push(`Shapiro–Wilk W = ${fmt(w, 4)}，P ${fmtP(pw)}`);
    }
    if (d !== null) {
      partsEn.push(`Lilliefors D = ${fmt(d, 4)}, p ${fmtP(pd)}`);
      partsZh.push(`Lilliefors D = ${fmt(d, 4)}，P ${fmtP(pd)}`);
    }
    const pMain = pw ?? pd;
    if (pMain === null) {
      en.push(`${label} (n = ${sw.n}): no normality test was possible; see the Q-Q plot.`);
      zh.push(`${label}（n = ${sw.n}）：无法进行正态性检验；请参考 Q-Q 图。`);
    } else {
      en.push(`${label} (n = ${sw.n}): ${partsEn.join('; ')} — ${pMain < 0.05 ? 'the distribution departs from normality' : 'no evidence of departure from normality'}.`);
      zh.push(`${label}（n = ${sw.n}）：${partsZh.join('；')}——${pMain < 0.05 ? '分布偏离正态' : '未见偏离正态的证据'}。`);
    }
  }
  en.push('A normality test cannot show that data are normal: small samples rarely reject, and large samples reject trivial departures that do not matter for t-tests or ANOVA. Read the Q-Q plot together with the p-value.');
  zh.push('正态性检验不能证明数据服从正态分布：小样本很少拒绝，大样本则会拒绝对 t 检验或方差分析无实际影响的微小偏离。请结合 Q-Q 图与 P 值判断。');
  return { en, zh };
};
