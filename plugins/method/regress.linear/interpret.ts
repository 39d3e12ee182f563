import type { ColumnData, Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';
import { columnToModelVar } from '$core/stats/linear-model';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const multi = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c : c ? [c] : []);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const g = result.tables.glance?.rows[0];
  const rows = result.tables.tidy?.rows ?? [];
  if (!g) return { en, zh };
  const yCol = Array.isArray(input.roles.outcome) ? input.roles.outcome[0] : input.roles.outcome;
  const y = yCol?.name ?? 'the outcome';
  const covs = multi(input.roles.covariates);
  const conf = Number(input.options.conf_level ?? 0.95);
  const pct = fmtPct(conf);
  const r2 = num(g.r_squared);
  const f = num(g.statistic);
  en.push(
    `In a linear regression of ${y} on ${covs.map((c) => c.name).join(', ')} (n = ${g.nobs}), the model explained ${fmt((r2 ?? 0) * 100)}% of the variance in ${y} (R² = ${fmt(r2, 2)}, adjusted R² = ${fmt(num(g.adj_r_squared), 2)}; F(${g.df}, ${g.df_residual}) = ${fmt(f)}, p ${fmtP(num(g.p_value))}).`,
  );
  zh.push(
    `以 ${covs.map((c) => c.name).join('、')} 对 ${y} 进行线性回归（n = ${g.nobs}），模型解释了 ${y} 变异的 ${fmt((r2 ?? 0) * 100)}%（R² = ${fmt(r2, 2)}，调整 R² = ${fmt(num(g.adj_r_squared), 2)}；F(${g.df}, ${g.df_residual}) = ${fmt(f)}，P ${fmtP(num(g.p_value))}）。`,
  );
  const adj = covs.length > 1;
  for (const c of covs) {
    const v = columnToModelVar(c);
    if (!v) continue;
    const holdEn = adj ? ', holding the other covariates constant' : '';
    const holdZh = adj ? '（在其他协变量保持不变时）' : '';
    if (v.kind === 'numeric') {
      const r = rows.find((t) => t.term === c.name);
      if (!r) continue;
      const est = num(r.estimate);
      if (est === null) {
        en.push(`${c.name} could not be estimated (perfectly collinear with other covariates).`);
        zh.push(`${c.name} 无法估计（与其他协变量完全共线）。`);
        continue;
      }
      en.push(
        `Each one-unit increase in ${c.name} was associated with a ${est >= 0 ? 'higher' : 'lower'} mean ${y} by ${fmt(Math.abs(est))} (β = ${fmt(est)}, ${pct}% CI ${fmt(num(r.conf_low))} to ${fmt(num(r.conf_high))}; p ${fmtP(num(r.p_value))})${holdEn}.`,
      );
      zh.push(`${c.name} 每增加 1 个单位，${y} 的均值${holdZh}${est >= 0 ? '升高' : '降低'} ${fmt(Math.abs(est))}（β = ${fmt(est)}，${pct}% 置信区间 ${fmt(num(r.conf_low))} 至 ${fmt(num(r.conf_high))}；P ${fmtP(num(r.p_value))}）。`);
    } else {
      const ref = v.levels[0];
      for (const lv of v.levels.slice(1)) {
        const r = rows.find((t) => t.term === `${c.name}${lv}`);
        if (!r) continue;
        const est = num(r.estimate);
        if (est === null) continue;
        en.push(
          `Compared with ${c.name} = “${ref}”, ${c.name} = “${lv}” had a mean ${y} ${est >= 0 ? 'higher' : 'lower'} by ${fmt(Math.abs(est))} (${pct}% CI ${fmt(num(r.conf_low))} to ${fmt(num(r.conf_high))}; p ${fmtP(num(r.p_value))})${holdEn}.`,
        );
        zh.push(`与 ${c.name} =“${ref}”相比，${c.name} =“${lv}”的 ${y} 均值${holdZh}${est >= 0 ? '高' : '低'} ${fmt(Math.abs(est))}（${pct}% 置信区间 ${fmt(num(r.conf_low))} 至 ${fmt(num(r.conf_high))}；P ${fmtP(num(r.p_value))}）。`);
      }
    }
  }
  en.push(
    'Coefficients describe associations in these data, not causal effects, unless the covariate was randomised; a non-significant coefficient does not show absence of an effect — read the confidence interval. The fit assumes a linear relation, independent observations and residuals of constant variance; check the residual plots.',
  );
  zh.push('除非协变量是随机分配的，回归系数只反映数据中的关联而非因果效应；系数无统计学意义并不表示没有效应——请参考置信区间。该模型假定线性关系、观测相互独立以及残差方差恒定；请查看残差图。');
  return { en, zh };
};
