import type { Interpreter } from '$core/plugin/types';
import type { CellValue } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const name = (c: unknown) => (Array.isArray(c) ? c : c ? [c] : []).map((v: { name: string }) => v.name);

export const interpret: Interpreter = (result, input) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  if (!t) return { en, zh };
  const x = name(input.roles.x)[0];
  const y = name(input.roles.y)[0];
  const zs = name(input.roles.covariates);
  const r = num(t.estimate);
  const r0 = num(t.zero_order);
  const p = num(t.p_value);
  const sym = t.method === 'spearman' ? 'partial rho' : 'partial r';
  en.push(`Adjusting for ${zs.join(', ')}, the correlation between ${x} and ${y} was ${fmt(r)} (${sym}, t = ${fmt(num(t.statistic))}, df = ${Number(t.n) - 2 - Number(t.gp)}, p ${fmtP(p)}, n = ${t.n}); unadjusted it was ${fmt(r0)}.`);
  zh.push(`控制 ${zs.join('、')} 后，${x} 与 ${y} 的相关系数为 ${fmt(r)}（${t.method === 'spearman' ? '偏 Spearman 相关' : '偏相关'}，t = ${fmt(num(t.statistic))}，自由度 ${Number(t.n) - 2 - Number(t.gp)}，P ${fmtP(p)}，n = ${t.n}）；未校正时为 ${fmt(r0)}。`);
  if (r !== null && r0 !== null) {
    const shrink = Math.abs(r) < Math.abs(r0) - 0.1;
    en.push(shrink ? `The association is weaker after adjustment, so part of it is shared with the covariates.` : `Adjustment changed the association little.`);
    zh.push(shrink ? '校正后关联减弱，说明部分关联与控制变量有关。' : '校正前后关联变化不大。');
  }
  en.push('Partial correlation removes only the linear effects of the covariates that were measured; it does not establish causation and cannot adjust for unmeasured confounders.');
  zh.push('偏相关只扣除已测量协变量的线性影响；它不能证明因果关系，也无法校正未测量的混杂因素。');
  return { en, zh };
};
