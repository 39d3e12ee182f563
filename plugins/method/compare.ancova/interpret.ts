import type { Interpreter, RunInput, ColumnData } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const multi = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c : c ? [c] : []);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const rows = result.tables.anova?.rows ?? [];
  const am = result.tables.adjusted_means?.rows ?? [];
  if (!rows.length) return { en, zh };
  const y = (Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome)?.name ?? 'the outcome';
  const g = (Array.isArray(input.roles.group) ? input.roles.group[0] : input.roles.group)?.name ?? 'group';
  const covs = multi(input.roles.covariates).map((c) => c.name).join(', ');
  const gr = rows.find((r) => r.term === g);
  const dfr = rows.find((r) => r.term === 'Residuals')?.df;
  const means = am.map((r) => `${r.group} ${fmt(num(r.estimate))} (95% CI ${fmt(num(r.conf_low))} to ${fmt(num(r.conf_high))})`).join('; ');
  en.push(`Adjusted for ${covs}, mean ${y} was ${means}.`);
  zh.push(`调整 ${covs} 后，${y} 的均值为：${means.replace(/; /g, '；').replace(/ to /g, ' 至 ')}。`);
  if (gr && num(gr.statistic) !== null) {
    const p = num(gr.p_value)!;
    const stat = `F(${gr.df}, ${dfr}) = ${fmt(num(gr.statistic))}, p ${fmtP(p)}; partial η² = ${fmt(num(gr.partial_eta_squared), 2)}`;
    en.push(p < 0.05 ? `After adjustment for ${covs}, mean ${y} differed between ${g} groups (${stat}).` : `After adjustment for ${covs}, mean ${y} did not differ significantly between ${g} groups (${stat}).`);
    zh.push(`调整 ${covs} 后，${g} 各组间 ${y} 的均值${p < 0.05 ? '存在差异' : '差异无统计学意义'}（${stat.replace(', p', '，P').replace('; ', '；')}）。`);
  }
  const slope = result.assumptions.find((a) => a.name.startsWith('Homogeneity'));
  if (slope && slope.ok === false) {
    en.push('Caution: the covariate slopes differ between groups, so the adjusted difference depends on the covariate value.');
    zh.push('注意：各组协变量斜率不同，调整后的差值随协变量取值而变。');
  }
  en.push('Adjustment removes the part of the group difference explained by the covariates; it does not make an observational comparison causal, and covariates measured after group assignment should not be adjusted for.');
  zh.push('调整去除了可由协变量解释的组间差异部分；但这不能使观察性比较具有因果性，且不应调整分组之后测量的协变量。');
  return { en, zh };
};
