import type { ColumnData, Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const multi = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c : c ? [c] : []);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.anova?.rows ?? [];
  if (!rows.length) return { en, zh };
  const y = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const [a, b] = multi(input.roles.factors).map((c) => c.name);
  const type = String(input.options.type ?? 'II');
  const res = rows.find((r) => r.term === 'Residuals');
  const dfr = res?.df;
  en.push(`A two-way ANOVA (type ${type} sums of squares) of ${y} on ${a} and ${b}${input.options.interaction ?? true ? ' with their interaction' : ''} was fitted (residual df = ${dfr}).`);
  zh.push(`以 ${a} 和 ${b}${input.options.interaction ?? true ? '及其交互作用' : ''}对 ${y} 进行双因素方差分析（${type} 型平方和；残差自由度 = ${dfr}）。`);
  for (const r of rows) {
    if (r.term === 'Residuals' || r.term === '(Intercept)') continue;
    const f = num(r.statistic);
    const p = num(r.p_value);
    const eta = num(r.partial_eta_squared);
    if (f === null || p === null) continue;
    const isInter = String(r.term).includes(':');
    const stat = `F(${r.df}, ${dfr}) = ${fmt(f)}, p ${fmtP(p)}; partial η² = ${fmt(eta, 2)}`;
    if (isInter) {
      en.push(p < 0.05 ? `The effect of ${a} on ${y} depended on ${b} (interaction ${stat}).` : `There was no significant interaction between ${a} and ${b} (${stat}).`);
      zh.push(p < 0.05 ? `${a} 对 ${y} 的效应随 ${b} 而不同（交互作用 ${stat.replace(', p', '，P').replace('; ', '；')}）。` : `${a} 与 ${b} 之间无显著交互作用（${stat.replace(', p', '，P').replace('; ', '；')}）。`);
    } else {
      en.push(p < 0.05 ? `Mean ${y} differed between levels of ${r.term} (${stat}).` : `Mean ${y} did not differ significantly between levels of ${r.term} (${stat}).`);
      zh.push(p < 0.05 ? `${r.term} 各水平间 ${y} 的均值存在差异（${stat.replace(', p', '，P').replace('; ', '；')}）。` : `${r.term} 各水平间 ${y} 的均值差异无统计学意义（${stat.replace(', p', '，P').replace('; ', '；')}）。`);
    }
  }
  en.push('When the interaction is present, main effects average over different patterns and should be read together with the cell means. A non-significant effect does not show its absence; without randomisation, effects are associations, not causal.');
  zh.push('存在交互作用时，主效应是不同模式的平均，应结合单元格均值解读。效应无统计学意义并不表示效应不存在；若非随机分组，效应只反映关联而非因果。');
  return { en, zh };
};
