/**
 * Shared by regress.logistic and regress.poisson: the design (R's model.matrix through
 * src/core/stats/linear-model.ts), the GLM fit, and the broom-style tidy and glance tables.
 */
import type { ColumnData, InputIssue } from '$core/plugin/types';
import type { ResultTable } from '$core/results/types';
import { columnToModelVar, modelMatrix, type Design, type ModelVar } from '$core/stats/linear-model';
import { chisqUpper, normalQuantile, zPValue } from '$core/stats/distributions';
import type { GlmFit } from '$core/stats/glm';

export function covariateColumns(c: ColumnData | ColumnData[] | undefined): ColumnData[] {
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

export interface GlmDesign {
  design: Design;
  vars: ModelVar[];
}

/** Checks covariates: a factor needs two levels among the rows used; a numeric column numbers. */
export function covariateIssues(cols: ColumnData[], n: number): InputIssue[] {
  const issues: InputIssue[] = [];
  if (cols.length === 0) {
    issues.push({ code: 'no_covariates', message: { en: 'Choose at least one covariate.', zh: '请至少选择一个自变量。' } });
    return issues;
  }
  let p = 1;
  for (const c of cols) {
    const v = columnToModelVar(c);
    if (!v) {
      issues.push({ code: 'covariate_not_numeric', message: { en: `Covariate “${c.name}” has values that are not numbers.`, zh: `自变量“${c.name}”含有非数值的取值。` } });
      continue;
    }
    if (v.kind === 'factor') {
      if (v.levels.length < 2) {
        issues.push({
          code: 'covariate_one_level',
          message: {
            en: `Covariate “${c.name}” has a single category (${v.levels[0] ?? 'none'}) among the rows used; a categorical covariate needs at least 2. Remove it or change the filter.`,
            zh: `自变量“${c.name}”在所用的行中只有一个类别（${v.levels[0] ?? '无'}）；分类自变量至少需要 2 个类别。请移除该变量或修改筛选条件。`,
          },
        });
      }
      p += Math.max(0, v.levels.length - 1);
    } else p += 1;
  }
  if (n <= p) {
    issues.push({
      code: 'too_few_rows',
      message: {
        en: `Only ${n} complete rows for ${p} model coefficients; the model needs more rows than coefficients (and, as a rule of thumb, at least 10 events per coefficient).`,
        zh: `完整的行只有 ${n} 行，而模型有 ${p} 个系数；行数必须多于系数个数（经验上每个系数至少需要 10 个事件）。`,
      },
    });
  }
  return issues;
}

export function buildGlmDesign(cols: ColumnData[]): GlmDesign {
  const vars = cols.map((c) => columnToModelVar(c)!);
  // The IRLS kernel reads the design's columns directly (glmFit's `cols`): no n × p copy.
  const design = modelMatrix(vars, vars.map((v) => [v.name]), true);
  return { design, vars };
}

export interface TermInfo {
  term: string;
  variable: string;
  kind: 'intercept' | 'numeric' | 'factor';
  level?: string;
  reference?: string;
}

/** What each design column is (for the interpretation). */
export function termInfo(cols: ColumnData[]): TermInfo[] {
  const out: TermInfo[] = [{ term: '(Intercept)', variable: '', kind: 'intercept' }];
  for (const c of cols) {
    const v = columnToModelVar(c);
    if (!v) continue;
    if (v.kind === 'numeric') out.push({ term: v.name, variable: v.name, kind: 'numeric' });
    else for (let l = 1; l < v.levels.length; l++) out.push({ term: v.name + v.levels[l], variable: v.name, kind: 'factor', level: v.levels[l], reference: v.levels[0] });
  }
  return out;
}

export function tidyTable(
  fit: GlmFit,
  names: string[],
  confLevel: number,
  labels: { title: string; title_zh: string; exp: string; exp_zh: string },
): ResultTable {
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const pct = `${Math.round(confLevel * 1000) / 10}%`;
  const aliasedNames: string[] = [];
  const rows = names.map((term, j) => {
    if (fit.aliased[j]) {
      aliasedNames.push(term);
      return { term, estimate: null, std_error: null, statistic: null, p_value: null, conf_low: null, conf_high: null, exp_estimate: null, exp_conf_low: null, exp_conf_high: null };
    }
    const est = fit.coefficients[j];
    const se = fit.stdErrors[j];
    const stat = est / se;
    const lo = est - z * se;
    const hi = est + z * se;
    return {
      term,
      estimate: est,
      std_error: se,
      statistic: stat,
      p_value: zPValue(stat),
      conf_low: lo,
      conf_high: hi,
      exp_estimate: Math.exp(est),
      exp_conf_low: Math.exp(lo),
      exp_conf_high: Math.exp(hi),
    };
  });
  const notes = [`Wald z tests; ${pct} Wald confidence intervals (estimate ± z × SE, as R’s confint.default); exp() columns are the ${labels.exp.toLowerCase()}s.`];
  const notesZh = [`Wald z 检验；${pct} Wald 置信区间（估计值 ± z × 标准误，与 R 的 confint.default 一致）；exp() 列为${labels.exp_zh}。`];
  const overflow: string[] = [];
  for (const r of rows as Record<string, number | string | null>[]) {
    for (const [k, v] of Object.entries(r)) {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        r[k] = null;
        overflow.push(`${k} (${r.term})`);
      }
    }
  }
  if (overflow.length) {
    notes.push(`Not finite, left empty: ${overflow.join(', ')} — the estimate diverges (separation or a badly scaled covariate).`);
    notesZh.push(`非有限值，留空：${overflow.join('、')}——估计值发散（分离或自变量尺度不当）。`);
  }
  if (aliasedNames.length) {
    notes.push(`${aliasedNames.join(', ')}: not estimable (aliased) — a linear combination of the other covariates, so R reports NA; the row is left empty.`);
    notesZh.push(`${aliasedNames.join('、')}：无法估计（共线）——它是其他自变量的线性组合，R 报告为 NA；该行留空。`);
  }
  return {
    title: labels.title,
    title_zh: labels.title_zh,
    columns: [
      { key: 'term', label: 'Term', label_zh: '项', type: 'text' },
      { key: 'estimate', label: 'Estimate (log scale)', label_zh: '估计值（对数尺度）', type: 'number' },
      { key: 'std_error', label: 'SE', label_zh: '标准误', type: 'number' },
      { key: 'statistic', label: 'z', label_zh: 'z', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
      { key: 'exp_estimate', label: labels.exp, label_zh: labels.exp_zh, type: 'number' },
      { key: 'exp_conf_low', label: `${labels.exp} ${pct} CI low`, label_zh: `${labels.exp_zh} ${pct} CI 下限`, type: 'ci' },
      { key: 'exp_conf_high', label: `${labels.exp} ${pct} CI high`, label_zh: `${labels.exp_zh} ${pct} CI 上限`, type: 'ci' },
    ],
    rows,
    notes,
    notes_zh: notesZh,
  };
}

export function glanceTable(fit: GlmFit, extraNotes: { en: string[]; zh: string[] } = { en: [], zh: [] }): ResultTable {
  const lr = fit.nullDeviance - fit.deviance;
  const df = fit.dfNull - fit.dfResidual;
  const ok = Number.isFinite(fit.aic);
  return {
    title: 'Model fit',
    title_zh: '模型拟合',
    columns: [
      { key: 'null_deviance', label: 'Null deviance', label_zh: '零模型偏差', type: 'number' },
      { key: 'df_null', label: 'df (null)', label_zh: '零模型自由度', type: 'integer' },
      { key: 'log_lik', label: 'Log-likelihood', label_zh: '对数似然', type: 'number' },
      { key: 'aic', label: 'AIC', label_zh: 'AIC', type: 'number' },
      { key: 'bic', label: 'BIC', label_zh: 'BIC', type: 'number' },
      { key: 'deviance', label: 'Residual deviance', label_zh: '残差偏差', type: 'number' },
      { key: 'df_residual', label: 'df (residual)', label_zh: '残差自由度', type: 'integer' },
      { key: 'nobs', label: 'n', label_zh: '观测数', type: 'integer' },
      { key: 'statistic', label: 'LR χ²', label_zh: '似然比 χ²', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p (LR test)', label_zh: 'P 值（似然比检验）', type: 'p_value' },
    ],
    rows: [
      {
        null_deviance: fit.nullDeviance,
        df_null: fit.dfNull,
        log_lik: ok ? fit.logLik : null,
        aic: ok ? fit.aic : null,
        bic: ok ? fit.bic : null,
        deviance: fit.deviance,
        df_residual: fit.dfResidual,
        nobs: fit.nobs,
        statistic: lr,
        df,
        p_value: df > 0 ? chisqUpper(Math.max(lr, 0), df) : null,
      },
    ],
    notes: ['statistic, df, p_value: likelihood-ratio test of the model against the intercept-only model (null deviance − residual deviance, χ² on the difference in df).', ...extraNotes.en],
    notes_zh: ['statistic、df、p_value：模型与仅含截距模型的似然比检验（零模型偏差 − 残差偏差，自由度为两者之差的 χ² 检验）。', ...extraNotes.zh],
  };
}

/** Text of an odds/rate ratio as a relative change: "3% higher", "20% lower", "2.5 times". */
export function ratioText(r: number, fmt3: (x: number) => string): { en: string; zh: string } {
  if (r >= 2) return { en: `${fmt3(r)} times the`, zh: `为 ${fmt3(r)} 倍` };
  const pct = (r - 1) * 100;
  const a = Math.abs(pct);
  const s = a >= 10 ? a.toFixed(0) : a >= 1 ? a.toFixed(1).replace(/\.0$/, '') : a.toPrecision(2);
  return pct >= 0 ? { en: `${s}% higher`, zh: `高 ${s}%` } : { en: `${s}% lower`, zh: `低 ${s}%` };
}
