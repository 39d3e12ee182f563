import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import { fUpper, tPValue, tQuantile } from '$core/stats/distributions';
import { mean } from '$core/stats/descriptive';
import { columnToModelVar, lmFit, modelMatrix, typeIISS, type ModelVar } from '$core/stats/linear-model';
import { fmt } from '$core/stats/format';

const single = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c[0] : c);
const multi = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c : c ? [c] : []);

type FactorVar = Extract<ModelVar, { kind: 'factor' }>;
type NumVar = Extract<ModelVar, { kind: 'numeric' }>;
interface Prepared {
  y: Float64Array;
  yName: string;
  g: FactorVar;
  covs: NumVar[];
}

function prepare(input: RunInput): Prepared | InputIssue[] {
  const y = single(input.roles.outcome);
  const g = single(input.roles.group);
  const xs = multi(input.roles.covariates);
  if (!y || !g || !xs.length) return [{ code: 'missing_role', message: { en: 'Choose an outcome, a group and at least one covariate.', zh: '请选择结局变量、分组变量和至少一个协变量。' } }];
  if (y.kind !== 'numeric') return [{ code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } }];
  const gv = columnToModelVar(g, 'treatment', true) as FactorVar;
  const covs: NumVar[] = [];
  const issues: InputIssue[] = [];
  for (const x of xs) {
    const v = columnToModelVar(x);
    if (!v || v.kind !== 'numeric') {
      issues.push({ code: 'covariate_not_numeric', message: { en: `Covariate “${x.name}” must be numeric.`, zh: `协变量“${x.name}”必须是数值型。` } });
      continue;
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const val of v.values) {
      if (val < lo) lo = val;
      if (val > hi) hi = val;
    }
    if (lo === hi) issues.push({ code: 'constant_covariate', message: { en: `Covariate “${x.name}” is constant (${lo}); it cannot adjust anything.`, zh: `协变量“${x.name}”为常数（${lo}），无法进行调整。` } });
    covs.push(v);
  }
  if (gv.levels.length < 2) issues.push({ code: 'too_few_groups', message: { en: `The group “${g.name}” has fewer than 2 levels among the rows used.`, zh: `分组变量“${g.name}”在所用数据中少于 2 个水平。` } });
  if (issues.length) return issues;
  return { y: y.values, yName: y.name, g: gv, covs };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if (Array.isArray(p)) return p;
  const k = p.g.levels.length + p.covs.length;
  const issues: InputIssue[] = [];
  if (p.y.length <= k) {
    issues.push({ code: 'too_few_rows', message: { en: `The model has ${k} coefficients but only ${p.y.length} complete rows; ANCOVA needs more rows than coefficients.`, zh: `模型有 ${k} 个系数，但完整数据只有 ${p.y.length} 行；协方差分析要求行数多于系数个数。` } });
  }
  const counts = new Int32Array(p.g.levels.length);
  for (const c of p.g.codes) counts[c]++;
  p.g.levels.forEach((l, j) => {
    if (counts[j] < 2) issues.push({ code: 'group_too_small', message: { en: `Group “${l}” has ${counts[j]} observation; each group needs at least 2.`, zh: `组“${l}”只有 ${counts[j]} 个观测值；每组至少需要 2 个。` } });
  });
  return issues;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const p = prepare(input) as Prepared;
  const vars: ModelVar[] = [p.g, ...p.covs];
  const design = modelMatrix(vars, vars.map((v) => [v.name]));
  const fit = lmFit(design, p.y);
  const dfr = fit.dfResidual;
  const s2 = fit.rss / dfr;
  const sigma = Math.sqrt(s2);
  const warnings: ResultWarning[] = [];
  const aliased = design.colnames.filter((_, j) => fit.aliased[j]);
  if (aliased.length) {
    warnings.push({ code: 'aliased', message: `${aliased.join(', ')} could not be estimated (perfect collinearity); R reports NA.`, message_zh: `${aliased.join('、')} 无法估计（完全共线）；R 报告为 NA。` });
  }
  const ss = typeIISS(design, fit);
  const anova: ResultTable = {
    title: `ANCOVA (type II): ${p.yName} ~ ${vars.map((v) => v.name).join(' + ')}`,
    title_zh: `协方差分析（II 型）：${p.yName} ~ ${vars.map((v) => v.name).join(' + ')}`,
    columns: [
      { key: 'term', label: 'Source', label_zh: '变异来源', type: 'text' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'sumsq', label: 'Sum of squares', label_zh: '平方和', type: 'number' },
      { key: 'meansq', label: 'Mean square', label_zh: '均方', type: 'number' },
      { key: 'statistic', label: 'F', label_zh: 'F 值', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'partial_eta_squared', label: 'Partial η²', label_zh: '偏 η²', type: 'number' },
    ],
    rows: [
      ...ss.map((r) => {
        const f = r.sumsq / r.df / s2;
        const ok = Number.isFinite(f) && r.df > 0;
        return { term: r.term, df: r.df, sumsq: r.sumsq, meansq: r.df > 0 ? r.sumsq / r.df : null, statistic: ok ? f : null, p_value: ok ? fUpper(f, r.df, dfr) : null, partial_eta_squared: r.sumsq / (r.sumsq + fit.rss) };
      }),
      { term: 'Residuals', df: dfr, sumsq: fit.rss, meansq: s2, statistic: null, p_value: null, partial_eta_squared: null },
    ],
    notes: ['Type II sums of squares (car::Anova): the group effect is adjusted for the covariates, and each covariate for the group and the other covariates.', 'Partial η² = SS(effect) / (SS(effect) + SS(residual)).'],
    notes_zh: ['II 型平方和（car::Anova）：组别效应对协变量进行了调整，每个协变量对组别及其他协变量进行了调整。', '偏 η² = 效应平方和 / (效应平方和 + 残差平方和)。'],
  };
  // adjusted means at the covariate means
  const q = tQuantile(0.975, dfr);
  const covMeans = p.covs.map((c) => mean(c.values));
  const P = fit.p;
  const amRows = p.g.levels.map((lv, j) => {
    const x0 = new Float64Array(P);
    x0[0] = 1;
    if (j > 0) x0[j] = 1;
    covMeans.forEach((m, c) => (x0[p.g.levels.length + c] = m));
    let est = 0;
    let v = 0;
    for (let a = 0; a < P; a++) {
      if (fit.aliased[a] || x0[a] === 0) continue;
      est += x0[a] * fit.coef[a];
      for (let b = 0; b < P; b++) if (!fit.aliased[b]) v += x0[a] * x0[b] * fit.covUnscaled[a * P + b];
    }
    const se = sigma * Math.sqrt(v);
    return { group: lv, estimate: est, std_error: se, conf_low: est - q * se, conf_high: est + q * se };
  });
  const adjusted_means: ResultTable = {
    title: `Adjusted means of ${p.yName} (covariates at their means: ${p.covs.map((c, i) => `${c.name} = ${fmt(covMeans[i], 4)}`).join(', ')})`,
    title_zh: `${p.yName} 的调整均值（协变量取均值：${p.covs.map((c, i) => `${c.name} = ${fmt(covMeans[i], 4)}`).join('，')}）`,
    columns: [
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'estimate', label: 'Adjusted mean', label_zh: '调整均值', type: 'number' },
      { key: 'std_error', label: 'Std. error', label_zh: '标准误', type: 'number' },
      { key: 'conf_low', label: '95% CI low', label_zh: '95% 置信区间下限', type: 'ci' },
      { key: 'conf_high', label: '95% CI high', label_zh: '95% 置信区间上限', type: 'ci' },
    ],
    rows: amRows,
    notes: ['As emmeans::emmeans(fit, ~ group): model predictions with each covariate at its overall mean; 95% t intervals on the residual df.'],
    notes_zh: ['与 emmeans::emmeans(fit, ~ group) 相同：各协变量取总体均值时的模型预测值；95% 置信区间基于残差自由度的 t 分布。'],
  };
  const tidy: ResultTable = {
    title: 'Coefficients',
    title_zh: '回归系数',
    columns: [
      { key: 'term', label: 'Term', label_zh: '项', type: 'text' },
      { key: 'estimate', label: 'Estimate', label_zh: '估计值', type: 'number' },
      { key: 'std_error', label: 'Std. error', label_zh: '标准误', type: 'number' },
      { key: 'statistic', label: 't', label_zh: 't 值', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'conf_low', label: '95% CI low', label_zh: '95% 置信区间下限', type: 'ci' },
      { key: 'conf_high', label: '95% CI high', label_zh: '95% 置信区间上限', type: 'ci' },
    ],
    rows: design.colnames.map((term, j) => {
      if (fit.aliased[j]) return { term, estimate: null, std_error: null, statistic: null, p_value: null, conf_low: null, conf_high: null };
      const est = fit.coef[j];
      const se = sigma * Math.sqrt(fit.covUnscaled[j * P + j]);
      return { term, estimate: est, std_error: se, statistic: est / se, p_value: tPValue(est / se, dfr), conf_low: est - q * se, conf_high: est + q * se };
    }),
    notes: [`Group terms are differences from the reference group “${p.g.levels[0]}” at equal covariate values.`],
    notes_zh: [`组别项为在协变量取值相同时与参照组“${p.g.levels[0]}”的差值。`],
  };
  // homogeneity of slopes
  const assumptions: Assumption[] = [];
  const designI = modelMatrix(vars, [...vars.map((v) => [v.name]), ...p.covs.map((c) => [p.g.name, c.name])]);
  const fitI = lmFit(designI, p.y);
  const dfDiff = fit.dfResidual - fitI.dfResidual;
  if (dfDiff > 0 && fitI.dfResidual > 0 && fitI.rss > 0) {
    const f = (fit.rss - fitI.rss) / dfDiff / (fitI.rss / fitI.dfResidual);
    const pv = fUpper(f, dfDiff, fitI.dfResidual);
    assumptions.push({
      name: 'Homogeneity of regression slopes (group × covariate)',
      name_zh: '回归斜率同质性（组别 × 协变量）',
      statistic: f,
      p_value: pv,
      ok: pv >= 0.05,
      message: pv < 0.05
        ? `The covariate slopes differ between groups (F(${dfDiff}, ${fitI.dfResidual}) = ${fmt(f)}, p = ${fmt(pv, 2)}), so the group difference depends on the covariate value and a single adjusted difference is misleading. Report the model with the group × covariate interaction (regress.linear with an interaction) or compare groups at chosen covariate values.`
        : `No evidence that the covariate slopes differ between groups (F(${dfDiff}, ${fitI.dfResidual}) = ${fmt(f)}, p = ${fmt(pv, 2)}), as ANCOVA assumes.`,
      message_zh: pv < 0.05
        ? `各组协变量斜率不同（F(${dfDiff}, ${fitI.dfResidual}) = ${fmt(f)}，P = ${fmt(pv, 2)}），组间差异随协变量取值而变，单一的调整差值会产生误导。请报告含组别 × 协变量交互作用的模型，或在选定的协变量取值处比较各组。`
        : `没有证据表明各组协变量斜率不同（F(${dfDiff}, ${fitI.dfResidual}) = ${fmt(f)}，P = ${fmt(pv, 2)}），符合协方差分析的假定。`,
    });
  }
  assumptions.push({
    name: 'Linearity, normality and equal variances of residuals',
    name_zh: '残差的线性、正态性与方差齐性',
    ok: null,
    message: 'ANCOVA assumes a linear outcome–covariate relation, roughly normal residuals and equal residual variance in the groups. Check with regress.linear’s residual plots; for strong departures consider a transformation or a rank-based ANCOVA.',
    message_zh: '协方差分析假定结局与协变量呈线性关系、残差大致正态、各组残差方差相等。可用线性回归的残差图检查；严重偏离时可考虑变换或基于秩的协方差分析。',
  });
  return { tables: { anova, adjusted_means, tidy }, figures: [], assumptions, warnings };
}
