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
  const g = result.tables.groups?.rows ?? [];
  if (!t) return { en, zh };
  const y = nameOf(input, 'row', 'the outcome');
  const grp = nameOf(input, 'column', 'the groups');
  const p = num(t.p_value);
  const slope = num(t.estimate) ?? 0;
  const props = g.map((r) => `${r.group} ${fmt(100 * Number(r.proportion), 3)}%`).join(', ');
  en.push(`The proportion with the outcome (${y}) across ordered levels of ${grp} (${props}) was tested for a linear trend with the Cochran–Armitage test: χ²(1) = ${fmt(num(t.statistic))}, p ${fmtP(p)}.`);
  zh.push(`采用 Cochran–Armitage 趋势检验分析结局（${y}）比例随 ${grp} 有序水平（${props}）的线性趋势：χ²(1) = ${fmt(num(t.statistic))}，P ${fmtP(p)}。`);
  if (p !== null && p < 0.05) {
    const dir = slope > 0 ? 'increases' : 'decreases';
    en.push(`At the 5% level the proportion ${dir} with ${grp} (slope ${fmt(slope)} per score unit).`);
    zh.push(`在 5% 检验水准下，比例随 ${grp} ${slope > 0 ? '升高' : '降低'}（每单位评分斜率 ${fmt(slope)}）。`);
  } else {
    en.push(`At the 5% level there was no evidence of a linear trend across ${grp}; this does not exclude a non-linear pattern or group differences.`);
    zh.push(`在 5% 检验水准下，没有证据表明存在随 ${grp} 的线性趋势；这不排除非线性模式或组间差异。`);
  }
  en.push('The trend test depends on the chosen scores and detects only a linear (monotone) trend; it does not show a dose–response causal relation.');
  zh.push('趋势检验依赖所选评分，只能发现线性（单调）趋势；它不证明因果性的剂量反应关系。');
  return { en, zh };
};
