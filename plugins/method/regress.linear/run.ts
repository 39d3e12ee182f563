import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { fUpper, normalQuantile, tPValue, tQuantile } from '$core/stats/distributions';
import { columnToModelVar, gvif, leverage, leverageAt, lmFit, logLikLm, modelMatrix, sequentialSS, type Design, type LmFit, type ModelVar } from '$core/stats/linear-model';
import { fmt } from '$core/stats/format';
import { perInput } from '$core/plugin/per-input';

/** At most this many points in each diagnostic figure (deterministic thinning). */
export const MAX_DIAG_POINTS = 3000;

const single = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c[0] : c);
const multi = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c : c ? [c] : []);

interface Prepared {
  y: Float64Array;
  yName: string;
  vars: ModelVar[];
}

const prepare = perInput((input: RunInput): Prepared | InputIssue[] => {
  const y = single(input.roles.outcome);
  const xs = multi(input.roles.covariates);
  if (!y || !xs.length) return [{ code: 'missing_role', message: { en: 'Choose an outcome and at least one covariate.', zh: '请选择结局变量和至少一个协变量。' } }];
  if (y.kind !== 'numeric') return [{ code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } }];
  const issues: InputIssue[] = [];
  const vars: ModelVar[] = [];
  for (const c of xs) {
    if (c.name === y.name) {
      issues.push({ code: 'outcome_in_covariates', message: { en: `“${c.name}” is the outcome and cannot also be a covariate.`, zh: `“${c.name}”是结局变量，不能同时作为协变量。` } });
      continue;
    }
    const v = columnToModelVar(c);
    if (!v) {
      issues.push({ code: 'covariate_not_numeric', message: { en: `Covariate “${c.name}” has values that are not numbers.`, zh: `协变量“${c.name}”含有非数值。` } });
      continue;
    }
    if (v.kind === 'factor' && v.levels.length < 2) {
      issues.push({
        code: 'factor_one_level',
        message: {
          en: `Categorical covariate “${c.name}” has a single level (“${v.levels[0] ?? ''}”) among the rows used; it cannot be estimated. Remove it or change the filter.`,
          zh: `分类协变量“${c.name}”在所用数据中只有一个水平（“${v.levels[0] ?? ''}”），无法估计。请移除该变量或修改筛选条件。`,
        },
      });
      continue;
    }
    vars.push(v);
  }
  if (issues.length) return issues;
  return { y: y.values, yName: y.name, vars };
});

function nParams(vars: ModelVar[]): number {
  return 1 + vars.reduce((s, v) => s + (v.kind === 'numeric' ? 1 : v.levels.length - 1), 0);
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if (Array.isArray(p)) return p;
  const n = p.y.length;
  const k = nParams(p.vars);
  const issues: InputIssue[] = [];
  if (n <= k) {
    issues.push({
      code: 'too_few_rows',
      message: {
        en: `The model has ${k} coefficients but only ${n} complete rows; linear regression needs more rows than coefficients (at least ${k + 1}) to estimate the residual variance.`,
        zh: `模型有 ${k} 个系数，但完整数据只有 ${n} 行；线性回归要求行数多于系数个数（至少 ${k + 1} 行）才能估计残差方差。`,
      },
    });
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (p.y[i] < lo) lo = p.y[i];
    if (p.y[i] > hi) hi = p.y[i];
  }
  if (n > 0 && lo === hi) {
    issues.push({
      code: 'constant_outcome',
      message: { en: `The outcome “${p.yName}” is constant (${lo}); there is nothing to explain.`, zh: `结局变量“${p.yName}”为常数（${lo}），没有可解释的变异。` },
    });
  }
  return issues;
}

export interface LmSummary {
  design: Design;
  fit: LmFit;
  sigma: number;
  tss: number;
}

export function fitModel(y: Float64Array, vars: ModelVar[]): LmSummary {
  const design = modelMatrix(vars, vars.map((v) => [v.name]));
  const fit = lmFit(design, y);
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i];
  m /= y.length;
  let tss = 0;
  for (let i = 0; i < y.length; i++) tss += (y[i] - m) ** 2;
  return { design, fit, sigma: Math.sqrt(fit.rss / fit.dfResidual), tss };
}

function thinIndex(n: number, max: number): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  return Int32Array.from({ length: max }, (_, k) => Math.round((k * (n - 1)) / (max - 1)));
}

/**
 * Residuals vs fitted and the normal Q-Q plot of standardized residuals. `h` holds the
 * leverages of every row, or (large n) of the rows of thinIndex(n, MAX_DIAG_POINTS) only: then
 * both plots show that systematic sample of rows (the Q-Q plot the sample's standardized
 * residuals against their normal quantiles), and the leverages of the other rows are never
 * needed. The tables always use all rows.
 */
export function diagnosticFigures(fit: LmFit, h: Float64Array, sigma: number, yName: string): ResultFigure[] {
  const n = fit.n;
  const idx = thinIndex(n, MAX_DIAG_POINTS);
  const rvf = Array.from(idx, (i) => ({ fitted: fit.fitted[i], residual: fit.residuals[i] }));
  const sampled = h.length < n;
  const m = sampled ? idx.length : n;
  const std = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = sampled ? idx[k] : k;
    const s = fit.residuals[i] / (sigma * Math.sqrt(1 - h[k]));
    std[k] = Number.isFinite(s) ? s : 0; // h = 1 (a point fitted exactly): R gives NaN; drawn at 0
  }
  std.sort();
  const a = m <= 10 ? 3 / 8 : 0.5; // R's ppoints
  const qq = sampled
    ? Array.from(std, (v, k) => ({ theoretical: normalQuantile((k + 1 - a) / (m + 1 - 2 * a)), standardized: v }))
    : Array.from(idx, (i) => ({ theoretical: normalQuantile((i + 1 - a) / (n + 1 - 2 * a)), standardized: std[i] }));
  const note = n > MAX_DIAG_POINTS ? ` (${MAX_DIAG_POINTS} of ${n} points)` : '';
  const noteZh = n > MAX_DIAG_POINTS ? `（${n} 个点中的 ${MAX_DIAG_POINTS} 个）` : '';
  return [
    {
      id: 'residuals_fitted',
      title: `Residuals vs fitted${note}`,
      title_zh: `残差-拟合值图${noteZh}`,
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        width: 'container',
        height: 300,
        layer: [
          { data: { values: rvf }, mark: { type: 'point', opacity: 0.6 }, encoding: { x: { field: 'fitted', type: 'quantitative', title: `Fitted ${yName}`, scale: { zero: false } }, y: { field: 'residual', type: 'quantitative', title: 'Residual' } } },
          { data: { values: [{ y: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        ],
      },
    },
    {
      id: 'qq_residuals',
      title: `Normal Q-Q plot of standardized residuals${note}`,
      title_zh: `标准化残差的正态 Q-Q 图${noteZh}`,
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        width: 'container',
        height: 300,
        layer: [
          { data: { values: qq }, mark: { type: 'point', opacity: 0.6 }, encoding: { x: { field: 'theoretical', type: 'quantitative', title: 'Theoretical quantile' }, y: { field: 'standardized', type: 'quantitative', title: 'Standardized residual' } } },
          { data: { values: [{ x: -3, y: -3 }, { x: 3, y: 3 }] }, mark: { type: 'line', strokeDash: [4, 4], color: 'gray' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        ],
      },
    },
  ];
}

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if (Array.isArray(p)) throw new Error(p.map((i) => i.message.en).join(' '));
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const conf = Number(input.options.conf_level ?? 0.95);
  ctx.progress(0.1, 'fitting');
  const { design, fit, sigma, tss } = fitModel(p.y, p.vars);
  ctx.checkCancelled();
  const n = fit.n;
  const dfr = fit.dfResidual;
  const q = tQuantile(1 - (1 - conf) / 2, dfr);
  const warnings: ResultWarning[] = [];
  const notes: string[] = [];
  const notesZh: string[] = [];
  const aliasedNames = design.colnames.filter((_, j) => fit.aliased[j]);
  if (aliasedNames.length) {
    warnings.push({
      code: 'aliased',
      message: `${aliasedNames.map((s) => `“${s}”`).join(', ')} ${aliasedNames.length > 1 ? 'are' : 'is'} an exact linear combination of earlier terms (perfect collinearity) and could not be estimated; R reports NA for ${aliasedNames.length > 1 ? 'these coefficients' : 'this coefficient'}. Remove the redundant covariate.`,
      message_zh: `${aliasedNames.map((s) => `“${s}”`).join('、')} 是前面各项的精确线性组合（完全共线），无法估计；R 对其系数报告 NA。请删除冗余的协变量。`,
    });
    notes.push(`Aliased (perfectly collinear) terms have null estimates, as R's NA: ${aliasedNames.join(', ')}.`);
    notesZh.push(`共线（被别名）项的估计值为空，对应 R 的 NA：${aliasedNames.join('、')}。`);
  }
  const tidy: ResultTable = {
    title: `Coefficients: ${p.yName} ~ ${p.vars.map((v) => v.name).join(' + ')}`,
    title_zh: `回归系数：${p.yName} ~ ${p.vars.map((v) => v.name).join(' + ')}`,
    columns: [
      { key: 'term', label: 'Term', label_zh: '项', type: 'text' },
      { key: 'estimate', label: 'Estimate', label_zh: '估计值', type: 'number' },
      { key: 'std_error', label: 'Std. error', label_zh: '标准误', type: 'number' },
      { key: 'statistic', label: 't', label_zh: 't 值', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'conf_low', label: `${Math.round(conf * 1000) / 10}% CI low`, label_zh: `${Math.round(conf * 1000) / 10}% 置信区间下限`, type: 'ci' },
      { key: 'conf_high', label: `${Math.round(conf * 1000) / 10}% CI high`, label_zh: `${Math.round(conf * 1000) / 10}% 置信区间上限`, type: 'ci' },
    ],
    rows: design.colnames.map((term, j) => {
      if (fit.aliased[j]) return { term, estimate: null, std_error: null, statistic: null, p_value: null, conf_low: null, conf_high: null };
      const est = fit.coef[j];
      const se = sigma * Math.sqrt(fit.covUnscaled[j * fit.p + j]);
      const t = est / se;
      return { term, estimate: est, std_error: se, statistic: t, p_value: tPValue(t, dfr), conf_low: est - q * se, conf_high: est + q * se };
    }),
    notes,
    notes_zh: notesZh,
  };

  const dfModel = fit.rank - 1;
  const fStat = dfModel > 0 ? ((tss - fit.rss) / dfModel) / (fit.rss / dfr) : NaN;
  const ll = logLikLm(n, fit.rss);
  const r2 = 1 - fit.rss / tss;
  const glance: ResultTable = {
    title: 'Model fit',
    title_zh: '模型拟合',
    columns: [
      { key: 'r_squared', label: 'R²', label_zh: 'R²', type: 'number' },
      { key: 'adj_r_squared', label: 'Adjusted R²', label_zh: '调整 R²', type: 'number' },
      { key: 'sigma', label: 'Residual SE', label_zh: '残差标准误', type: 'number' },
      { key: 'statistic', label: 'F', label_zh: 'F 值', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'df_residual', label: 'Residual df', label_zh: '残差自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'log_lik', label: 'Log-likelihood', label_zh: '对数似然', type: 'number' },
      { key: 'aic', label: 'AIC', label_zh: 'AIC', type: 'number' },
      { key: 'bic', label: 'BIC', label_zh: 'BIC', type: 'number' },
      { key: 'deviance', label: 'Deviance (RSS)', label_zh: '偏差（残差平方和）', type: 'number' },
      { key: 'nobs', label: 'n', label_zh: '例数', type: 'integer' },
    ],
    rows: [
      {
        r_squared: r2,
        adj_r_squared: 1 - (1 - r2) * ((n - 1) / dfr),
        sigma,
        statistic: Number.isFinite(fStat) ? fStat : null,
        df: dfModel,
        df_residual: dfr,
        p_value: Number.isFinite(fStat) ? fUpper(fStat, dfModel, dfr) : null,
        log_lik: ll,
        aic: -2 * ll + 2 * (fit.rank + 1),
        bic: -2 * ll + Math.log(n) * (fit.rank + 1),
        deviance: fit.rss,
        nobs: n,
      },
    ],
  };

  const s2 = fit.rss / dfr;
  const seq = sequentialSS(design, fit);
  const anova: ResultTable = {
    title: 'Analysis of variance (sequential, type I)',
    title_zh: '方差分析（序贯，I 型平方和）',
    columns: [
      { key: 'term', label: 'Term', label_zh: '项', type: 'text' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'sumsq', label: 'Sum of squares', label_zh: '平方和', type: 'number' },
      { key: 'meansq', label: 'Mean square', label_zh: '均方', type: 'number' },
      { key: 'statistic', label: 'F', label_zh: 'F 值', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
    ],
    rows: [
      ...seq.map((r) => {
        const f = r.sumsq / r.df / s2;
        return { term: r.term, df: r.df, sumsq: r.sumsq, meansq: r.sumsq / r.df, statistic: f, p_value: fUpper(f, r.df, dfr) };
      }),
      { term: 'Residuals', df: dfr, sumsq: fit.rss, meansq: s2, statistic: null, p_value: null },
    ],
    notes: ['Sequential sums of squares: each term is adjusted only for the terms listed above it, so the order of covariates matters (as anova(lm) in R).'],
    notes_zh: ['序贯平方和：每一项只对排在它前面的项进行调整，因此协变量的顺序会影响结果（与 R 的 anova(lm) 相同）。'],
  };

  const tables: Record<string, ResultTable> = { tidy, glance, anova };
  const assumptions: Assumption[] = [];
  if (p.vars.length >= 2 && !aliasedNames.length) {
    const v = gvif(design, fit);
    const anyFactor = v.some((r) => r.df > 1);
    tables.vif = {
      title: anyFactor ? 'Generalized variance inflation factors' : 'Variance inflation factors',
      title_zh: anyFactor ? '广义方差膨胀因子' : '方差膨胀因子',
      columns: [
        { key: 'term', label: 'Term', label_zh: '项', type: 'text' },
        { key: 'gvif', label: anyFactor ? 'GVIF' : 'VIF', label_zh: anyFactor ? 'GVIF' : 'VIF', type: 'number' },
        { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
        { key: 'gvif_adj', label: 'GVIF^(1/(2·df))', label_zh: 'GVIF^(1/(2·df))', type: 'number' },
      ],
      rows: v.map((r) => ({ term: r.term, gvif: r.gvif, df: r.df, gvif_adj: Math.pow(r.gvif, 1 / (2 * r.df)) })),
      notes: ['As car::vif(). For terms with more than 1 df, compare GVIF^(1/(2·df)) with √10 ≈ 3.16 (the analogue of VIF 10).'],
      notes_zh: ['与 car::vif() 一致。自由度大于 1 的项，应将 GVIF^(1/(2·df)) 与 √10 ≈ 3.16 比较（相当于 VIF = 10）。'],
    };
    const worst = v.reduce((a, b) => (Math.pow(b.gvif, 1 / b.df) > Math.pow(a.gvif, 1 / a.df) ? b : a));
    const worstAdj = Math.pow(worst.gvif, 1 / (2 * worst.df)) ** 2; // VIF scale
    const high = v.filter((r) => Math.pow(r.gvif, 1 / r.df) > 10);
    assumptions.push({
      name: 'Multicollinearity (VIF)',
      name_zh: '多重共线性（VIF）',
      statistic: worstAdj,
      ok: high.length === 0,
      message: high.length
        ? `High collinearity: ${high.map((r) => `${r.term} (VIF-scale ${fmt(Math.pow(r.gvif, 1 / r.df))})`).join(', ')} exceed 10. Their coefficients are unstable and their standard errors inflated; consider dropping or combining correlated covariates, or penalised regression (ridge).`
        : `No serious collinearity: the largest VIF (on the VIF scale) is ${fmt(worstAdj)} for ${worst.term} (< 10).`,
      message_zh: high.length
        ? `存在严重共线性：${high.map((r) => `${r.term}（VIF 尺度 ${fmt(Math.pow(r.gvif, 1 / r.df))}）`).join('、')} 超过 10。这些系数不稳定、标准误被放大；可考虑删除或合并相关的协变量，或使用惩罚回归（岭回归）。`
        : `无严重共线性：最大 VIF（VIF 尺度）为 ${fmt(worstAdj)}（${worst.term}），小于 10。`,
    });
  }
  assumptions.push({
    name: 'Residuals: normality and constant variance',
    name_zh: '残差：正态性与方差齐性',
    ok: null,
    message: `Check the residual plots: residuals vs fitted should show no pattern or funnel shape, and the Q-Q plot should be close to the line.${n >= 100 ? ' With n ≥ 100 the tests and intervals are robust to moderate non-normality.' : ''} If the variance grows with the fitted values, consider transforming the outcome (e.g., log) or robust (sandwich) standard errors.`,
    message_zh: `请查看残差图：残差-拟合值图应无趋势或喇叭形，Q-Q 图上的点应接近直线。${n >= 100 ? '当 n ≥ 100 时，检验和置信区间对中度偏离正态较为稳健。' : ''}若方差随拟合值增大，可考虑对结局变量进行变换（如取对数）或使用稳健（三明治）标准误。`,
  });
  if (n < 10 * (fit.rank - 1)) {
    warnings.push({
      code: 'few_rows_per_term',
      message: `Only ${n} rows for ${fit.rank - 1} coefficients (fewer than 10 per coefficient); estimates may be unstable and the model may be overfitted.`,
      message_zh: `${fit.rank - 1} 个系数只有 ${n} 行数据（每个系数少于 10 行）；估计可能不稳定，模型可能过拟合。`,
    });
  }
  ctx.progress(0.8, 'diagnostics');
  // Leverages of all rows only when every row is drawn; else of the drawn rows only.
  const h = n > MAX_DIAG_POINTS ? leverageAt(design, fit, thinIndex(n, MAX_DIAG_POINTS)) : leverage(design, fit);
  return { tables, figures: diagnosticFigures(fit, h, sigma, p.yName), assumptions, warnings };
}
