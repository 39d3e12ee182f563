import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultWarning } from '$core/results/types';
import { glmFit } from '$core/stats/glm';
import { fmt } from '$core/stats/format';
import { buildGlmDesign, covariateColumns, covariateIssues, glanceTable, tidyTable } from '../regress.logistic/glm-common';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

function numericValues(c: ColumnData): Float64Array {
  if (c.kind === 'numeric') return c.values;
  const lv = c.levels.map(Number);
  return Float64Array.from(c.codes, (k) => (k < 0 ? NaN : lv[k]));
}

export function validate(input: RunInput): InputIssue[] {
  const yc = single(input.roles.outcome);
  if (!yc) return [{ code: 'missing_role', message: { en: 'Choose a count outcome.', zh: '请选择计数结局变量。' } }];
  const y = numericValues(yc);
  const issues: InputIssue[] = [];
  let neg = 0;
  let pos = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) neg++;
    if (y[i] > 0) pos++;
  }
  if (neg > 0) {
    issues.push({
      code: 'negative_count',
      message: { en: `The outcome “${yc.name}” has ${neg} negative value${neg === 1 ? '' : 's'}; Poisson regression needs counts ≥ 0.`, zh: `结局变量“${yc.name}”有 ${neg} 个负值；Poisson 回归要求计数 ≥ 0。` },
    });
  } else if (pos === 0) {
    issues.push({
      code: 'all_zero',
      message: { en: `The outcome “${yc.name}” is 0 in every row used; there is nothing to model.`, zh: `结局变量“${yc.name}”在所用的行中全为 0，无法建模。` },
    });
  }
  const ec = single(input.roles.exposure);
  if (ec) {
    const e = numericValues(ec);
    let bad = 0;
    for (let i = 0; i < e.length; i++) if (!(e[i] > 0)) bad++;
    if (bad > 0) {
      issues.push({
        code: 'exposure_not_positive',
        message: { en: `The exposure “${ec.name}” has ${bad} value${bad === 1 ? '' : 's'} ≤ 0; its log (the offset) needs positive values.`, zh: `暴露量“${ec.name}”有 ${bad} 个 ≤ 0 的值；其对数（偏移量）要求为正值。` },
      });
    }
  }
  issues.push(...covariateIssues(covariateColumns(input.roles.covariates), y.length));
  return issues;
}

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const yc = single(input.roles.outcome)!;
  const y = numericValues(yc);
  const ec = single(input.roles.exposure);
  const cols = covariateColumns(input.roles.covariates);
  const confLevel = Number(input.options.conf_level ?? 0.95);
  const { design } = buildGlmDesign(cols);
  const n = design.n;
  let offset: Float64Array | undefined;
  if (ec) {
    const e = numericValues(ec);
    offset = new Float64Array(n);
    for (let i = 0; i < n; i++) offset[i] = Math.log(e[i]);
  }
  const fit = glmFit({ family: 'poisson', cols: design.cols, n, p: design.p, y, offset, checkCancelled: ctx.checkCancelled });
  const warnings: ResultWarning[] = [];
  const glanceNotes = { en: [] as string[], zh: [] as string[] };
  if (offset) {
    // glm() refits the null model with the offset (intercept only, started at the fitted values)
    const x0 = new Float64Array(n).fill(1);
    const f0 = glmFit({ family: 'poisson', x: x0, n, p: 1, y, offset, mustart: fit.fitted });
    fit.nullDeviance = f0.deviance;
    glanceNotes.en.push(`With exposure, the null model is intercept + offset(log(${ec!.name})), as R’s glm refits it.`);
    glanceNotes.zh.push(`指定暴露量时，零模型为截距 + offset(log(${ec!.name}))，与 R 的 glm 重新拟合的方式一致。`);
  }
  let nonInteger = false;
  for (let i = 0; i < n; i++) if (!Number.isInteger(y[i])) nonInteger = true;
  if (nonInteger) {
    warnings.push({
      code: 'non_integer_counts',
      message: `The outcome “${yc.name}” has non-integer values; the Poisson likelihood (log-likelihood, AIC, BIC) is undefined (R warns “non-integer x”), though the estimates are still computed (quasi-likelihood).`,
      message_zh: `结局变量“${yc.name}”含有非整数值；Poisson 似然（对数似然、AIC、BIC）无定义（R 提示 “non-integer x”），但仍可计算估计值（拟似然）。`,
    });
    glanceNotes.en.push('log_lik, aic and bic are empty: the outcome has non-integer values.');
    glanceNotes.zh.push('对数似然、AIC 和 BIC 为空：结局含有非整数值。');
  }
  const rateOf = ec ? ` per unit of ${ec.name}` : '';
  const tidy = tidyTable(fit, design.colnames, confLevel, {
    title: `Poisson regression of ${yc.name}${rateOf}`,
    title_zh: ec ? `${yc.name}（按 ${ec.name} 计的率）的 Poisson 回归` : `${yc.name} 的 Poisson 回归`,
    exp: 'Rate ratio',
    exp_zh: '率比 (RR)',
  });
  if (ec) {
    tidy.notes!.unshift(`Offset: log(${ec.name}); exp(estimate) of (Intercept) is the rate per unit of ${ec.name} at the reference.`);
    tidy.notes_zh!.unshift(`偏移量：log(${ec.name})；(Intercept) 的 exp(估计值) 为参照条件下每单位 ${ec.name} 的率。`);
  }
  const glance = glanceTable(fit, glanceNotes);

  const aliased = design.colnames.filter((_, j) => fit.aliased[j]);
  if (aliased.length) {
    warnings.push({
      code: 'aliased',
      message: `${aliased.join(', ')} could not be estimated: collinear with the other covariates (R reports NA). Remove the redundant covariate.`,
      message_zh: `${aliased.join('、')} 无法估计：与其他自变量共线（R 报告 NA）。请移除多余的自变量。`,
    });
  }
  if (fit.fittedAtBoundary) {
    warnings.push({
      code: 'fitted_zero',
      message: 'Fitted rates numerically 0 occurred (R: “glm.fit: fitted rates numerically 0 occurred”): a category has no events, so its rate ratio diverges. Combine sparse categories or use exact/penalised methods.',
      message_zh: '出现数值上为 0 的拟合率（R 提示 “fitted rates numerically 0 occurred”）：某类别没有事件，其率比发散。请合并稀疏类别或使用精确/惩罚方法。',
    });
  }
  if (!fit.converged) {
    warnings.push({
      code: 'not_converged',
      message: `The fitting algorithm did not converge in ${fit.iter} iterations (R: “glm.fit: algorithm did not converge”); the estimates are not reliable.`,
      message_zh: `拟合算法在 ${fit.iter} 次迭代内未收敛（R 提示 “glm.fit: algorithm did not converge”）；估计值不可靠。`,
    });
  }

  // overdispersion: Pearson chi-square / residual df
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - fit.fitted[i];
    pearson += (r * r) / fit.fitted[i];
  }
  const ratio = fit.dfResidual > 0 ? pearson / fit.dfResidual : NaN;
  const over = ratio > 1.5;
  const assumptions: Assumption[] = [
    {
      name: 'Overdispersion (Pearson χ² / df)',
      name_zh: '过度离散（Pearson χ² / 自由度）',
      statistic: Number.isFinite(ratio) ? ratio : null,
      ok: Number.isFinite(ratio) ? !over : null,
      message: !Number.isFinite(ratio)
        ? 'No residual degrees of freedom: overdispersion cannot be checked.'
        : over
          ? `The counts are overdispersed: Pearson χ² = ${fmt(pearson)} on ${fit.dfResidual} df, ratio ${fmt(ratio)} (> 1.5). Poisson standard errors are too small and p-values too optimistic; use quasi-Poisson (glm(family = quasipoisson)) or negative binomial regression (MASS::glm.nb).`
          : `No important overdispersion: Pearson χ² = ${fmt(pearson)} on ${fit.dfResidual} df, ratio ${fmt(ratio)} (≤ 1.5).`,
      message_zh: !Number.isFinite(ratio)
        ? '没有残差自由度，无法检查过度离散。'
        : over
          ? `计数存在过度离散：Pearson χ² = ${fmt(pearson)}，自由度 ${fit.dfResidual}，比值 ${fmt(ratio)}（> 1.5）。Poisson 标准误偏小、P 值偏乐观；请改用拟泊松（glm(family = quasipoisson)）或负二项回归（MASS::glm.nb）。`
          : `无明显过度离散：Pearson χ² = ${fmt(pearson)}，自由度 ${fit.dfResidual}，比值 ${fmt(ratio)}（≤ 1.5）。`,
    },
  ];
  const dispersion = {
    title: 'Dispersion',
    title_zh: '离散度',
    columns: [
      { key: 'pearson_chisq', label: 'Pearson χ²', label_zh: 'Pearson χ²', type: 'number' as const },
      { key: 'df_residual', label: 'df (residual)', label_zh: '残差自由度', type: 'integer' as const },
      { key: 'ratio', label: 'χ² / df', label_zh: 'χ² / 自由度', type: 'number' as const },
    ],
    rows: [{ pearson_chisq: pearson, df_residual: fit.dfResidual, ratio: Number.isFinite(ratio) ? ratio : null }],
  };
  return { tables: { tidy, glance, dispersion }, figures: [forestFigure(tidy.rows as any[])], assumptions, warnings };
}

function forestFigure(rows: { term: string; exp_estimate: number | null; exp_conf_low: number | null; exp_conf_high: number | null }[]): ResultFigure {
  const values = rows.filter((r) => r.term !== '(Intercept)' && r.exp_estimate !== null && r.exp_conf_low !== null && r.exp_conf_high !== null);
  return {
    id: 'forest',
    title: 'Rate ratios',
    title_zh: '率比',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 360,
      data: { values },
      encoding: { y: { field: 'term', type: 'nominal', sort: null, title: null } },
      layer: [
        { mark: 'rule', encoding: { x: { field: 'exp_conf_low', type: 'quantitative', scale: { type: 'log' }, title: 'Rate ratio (log scale)' }, x2: { field: 'exp_conf_high' } } },
        { mark: { type: 'point', filled: true }, encoding: { x: { field: 'exp_estimate', type: 'quantitative' } } },
        { data: { values: [{ one: 1 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#999' }, encoding: { x: { field: 'one', type: 'quantitative' }, y: null } },
      ],
    },
  };
}
