import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  const groups = result.tables.groups?.rows ?? [];
  if (!t) return { en, zh };
  const rho = Number(input.options.rho ?? 0);
  const name = rho === 0 ? 'log-rank test' : rho === 1 ? 'Peto–Peto test' : `G-rho test (rho = ${rho})`;
  const nameZh = rho === 0 ? 'log-rank 检验' : rho === 1 ? 'Peto–Peto 检验' : `G-rho 检验（rho = ${rho}）`;
  const p = num(t.p_value);
  const parts = groups.map((g) => `“${g.group}” ${fmt(num(g.observed))} observed vs ${fmt(num(g.expected))} expected`);
  const partsZh = groups.map((g) => `“${g.group}”观察 ${fmt(num(g.observed))}、期望 ${fmt(num(g.expected))}`);
  en.push(`Events by group: ${parts.join('; ')}.`);
  zh.push(`各组事件数：${partsZh.join('；')}。`);
  en.push(`Survival ${p !== null && p < 0.05 ? 'differed' : 'did not differ significantly'} between groups (${name}: χ²(${t.df}) = ${fmt(num(t.statistic))}, p ${fmtP(p)}).`);
  zh.push(`各组生存${p !== null && p < 0.05 ? '存在差异' : '差异无统计学意义'}（${nameZh}：χ²(${t.df}) = ${fmt(num(t.statistic))}，P ${fmtP(p)}）。`);
  en.push('The test asks whether the survival curves differ anywhere over follow-up; it gives no effect size (use a Cox model for a hazard ratio), does not adjust for other factors, and a non-significant result does not show the curves are the same.');
  zh.push('该检验回答生存曲线在随访期内是否有差异；它不给出效应量（风险比请用 Cox 模型），不校正其他因素，无统计学意义也不表示曲线相同。');
  return { en, zh };
};
