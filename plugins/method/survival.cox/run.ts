import { forestFigure } from '$core/results/figures/forest-figure';
import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, CellValue, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { chisqUpper, normalQuantile, zPValue } from '$core/stats/distributions';
import { asFactor, dropUnusedLevels } from '$core/stats/factor';
import { fmt } from '$core/stats/format';
import { coxFit, coxZph, concordance, type Ties } from '$core/stats/survival/cox';
import { prepareSurv, single } from '$core/stats/survival/prepare';
import { isIssue } from '$core/stats/survival/event';
import { perInput } from '$core/plugin/per-input';

interface Design {
  names: string[];
  cols: Float64Array[];
  /** Term (covariate) name and its columns. */
  terms: { name: string; cols: number[] }[];
}

const NUMERIC_TYPES = new Set(['numeric', 'integer', 'date', 'datetime']);

/** R's model.matrix for the covariates: numeric as is, categorical (and logical) as treatment dummies. */
export function design(cols: ColumnData[]): Design | InputIssue {
  const out: Design = { names: [], cols: [], terms: [] };
  for (const c of cols) {
    const start = out.cols.length;
    if (c.kind === 'numeric' || NUMERIC_TYPES.has(c.type)) {
      const v = c.kind === 'numeric' ? c.values : Float64Array.from(c.codes, (k) => (k < 0 ? NaN : Number(c.levels[k])));
      out.names.push(c.name);
      out.cols.push(v);
    } else {
      const f = dropUnusedLevels(asFactor(c));
      if (f.levels.length < 2) {
        return {
          code: 'constant_covariate',
          message: { en: `The covariate “${c.name}” has only one value (${f.levels[0] ?? 'none'}); it cannot be in the model.`, zh: `协变量“${c.name}”只有一个取值（${f.levels[0] ?? '无'}），不能纳入模型。` },
        };
      }
      for (let l = 1; l < f.levels.length; l++) {
        out.names.push(c.name + f.levels[l]);
        out.cols.push(Float64Array.from(f.codes, (k) => (k === l ? 1 : 0)));
      }
    }
    out.terms.push({ name: c.name, cols: Array.from({ length: out.cols.length - start }, (_, k) => start + k) });
  }
  return out;
}

function covariates(input: RunInput): ColumnData[] {
  const c = input.roles.covariates;
  return Array.isArray(c) ? c : c ? [c] : [];
}

// validate() and run() share one preparation of the (possibly million-row) columns
const survOf = perInput((input) => prepareSurv(input, 'strata'));
const designOf = perInput((input) => design(covariates(input)));

export function validate(input: RunInput): InputIssue[] {
  const p = survOf(input);
  if (isIssue(p)) return [p];
  const cov = covariates(input);
  if (!cov.length) return [{ code: 'no_covariates', message: { en: 'Choose at least one covariate.', zh: '请至少选择一个协变量。' } }];
  const d = designOf(input);
  if (isIssue(d)) return [d];
  if (p.time.length < 2) return [{ code: 'too_few_rows', message: { en: `Only ${p.time.length} complete row; a Cox model needs more.`, zh: `只有 ${p.time.length} 行完整数据，Cox 模型需要更多数据。` } }];
  return [];
}

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const p = survOf(input);
  if (isIssue(p)) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const des = designOf(input) as Design;
  const ties = String(input.options.ties ?? 'efron') as Ties;
  const confLevel = Number(input.options.conf_level ?? 0.95);
  const strata = p.groups ? p.groups.codes : null;
  const data = { time: p.time, event: p.ev.event, x: des.cols, strata };
  const fit = coxFit(data, ties);
  ctx.progress(0.7);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const pct = `${Math.round(confLevel * 1000) / 10}%`;
  const k = fit.kept.length;
  const warnings: ResultWarning[] = [];
  const notes: string[] = [];
  const notesZh: string[] = [];
  const noEvents = fit.nEvent === 0;

  const rows: Record<string, CellValue>[] = des.names.map((term, j) => {
    const a = fit.kept.indexOf(j);
    if (a < 0 || noEvents) {
      return { term, estimate: null, std_error: null, statistic: null, p_value: null, conf_low: null, conf_high: null, exp_estimate: null, exp_conf_low: null, exp_conf_high: null };
    }
    const b = fit.coef[a];
    const se = Math.sqrt(fit.vcov[a * k + a]);
    const lo = b - z * se;
    const hi = b + z * se;
    const zz = b / se;
    const ok = Number.isFinite(se);
    return {
      term,
      estimate: b,
      std_error: ok ? se : null,
      statistic: ok ? zz : null,
      p_value: ok ? zPValue(zz) : null,
      conf_low: ok ? lo : null,
      conf_high: ok ? hi : null,
      exp_estimate: Math.exp(b),
      exp_conf_low: ok ? Math.exp(lo) : null,
      exp_conf_high: ok ? Math.exp(hi) : null,
    };
  });
  if (fit.aliased.length) {
    const names = fit.aliased.map((j) => `“${des.names[j]}”`).join(', ');
    notes.push(`${names}: null because the column is a linear combination of the other covariates (aliased), as R’s NA coefficient.`);
    notesZh.push(`${names}：该列是其他协变量的线性组合（共线/别名），系数为空，同 R 的 NA。`);
    warnings.push({
      code: 'aliased',
      message: `Covariate column${fit.aliased.length > 1 ? 's' : ''} ${names} ${fit.aliased.length > 1 ? 'are' : 'is'} collinear with the others and ${fit.aliased.length > 1 ? 'were' : 'was'} dropped (coefficient null, as R’s NA).`,
      message_zh: `协变量列 ${names} 与其他协变量共线，已剔除（系数为空，同 R 的 NA）。`,
    });
  }
  if (noEvents) {
    notes.push('All coefficients are null: there are no events, so the partial likelihood carries no information.');
    notesZh.push('所有系数为空：没有事件，偏似然不含任何信息。');
    warnings.push({
      code: 'no_events',
      message: `No events: every observation of “${p.eventName}” is censored, so no hazard ratio can be estimated.`,
      message_zh: `没有事件：“${p.eventName}”的所有观测均为删失，无法估计风险比。`,
    });
  }
  if (fit.infinite.length && !noEvents) {
    const names = fit.infinite.map((j) => `“${des.names[j]}”`).join(', ');
    warnings.push({
      code: 'monotone_likelihood',
      message: `Monotone likelihood: the log-likelihood converged before ${names}; the coefficient may be infinite (complete separation — e.g. no events in one group). Its hazard ratio, standard error and Wald test are not reliable; use the likelihood-ratio test or Firth’s penalised Cox regression.`,
      message_zh: `单调似然：对数似然在 ${names} 收敛前已收敛，系数可能为无穷大（完全分离，如某组没有事件）。其风险比、标准误和 Wald 检验不可靠；请参考似然比检验或使用 Firth 惩罚 Cox 回归。`,
    });
    notes.push(`${names}: the estimate is diverging (monotone likelihood); R warns “Loglik converged before variable …; coefficient may be infinite”.`);
    notesZh.push(`${names}：估计值发散（单调似然）；R 会警告 “Loglik converged before variable …; coefficient may be infinite”。`);
  }
  if (!fit.converged && !noEvents) {
    warnings.push({ code: 'not_converged', message: `The fit did not converge in ${fit.iter} iterations.`, message_zh: `模型在 ${fit.iter} 次迭代内未收敛。` });
  }
  notes.push(`estimate is the log hazard ratio; exp_estimate the hazard ratio with its ${pct} Wald confidence interval. Ties: ${ties}.`);
  notesZh.push(`estimate 为对数风险比；exp_estimate 为风险比及其 ${pct} Wald 置信区间。结处理：${ties}。`);
  const tidy: ResultTable = {
    title: 'Cox proportional hazards regression',
    title_zh: 'Cox 比例风险回归',
    columns: [
      { key: 'term', label: 'Term', label_zh: '项', type: 'text' },
      { key: 'estimate', label: 'log HR', label_zh: '对数风险比', type: 'number' },
      { key: 'std_error', label: 'SE', label_zh: '标准误', type: 'number' },
      { key: 'statistic', label: 'z', label_zh: 'z', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
      { key: 'exp_estimate', label: 'HR', label_zh: '风险比', type: 'number' },
      { key: 'exp_conf_low', label: `HR ${pct} CI low`, label_zh: `风险比 ${pct} CI 下限`, type: 'ci' },
      { key: 'exp_conf_high', label: `HR ${pct} CI high`, label_zh: `风险比 ${pct} CI 上限`, type: 'ci' },
    ],
    rows,
    notes,
    notes_zh: notesZh,
  };

  const df = k;
  const lr = 2 * (fit.loglik - fit.loglikNull);
  const conc = !noEvents && k > 0 ? concordance(p.time, p.ev.event, fit.lp, strata, fit.order) : null;
  const ok = (v: number) => (!noEvents && Number.isFinite(v) ? v : null);
  const glance: ResultTable = {
    title: 'Model fit',
    title_zh: '模型拟合',
    columns: [
      { key: 'nobs', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'n_event', label: 'Events', label_zh: '事件数', type: 'integer' },
      { key: 'log_lik', label: 'Log-likelihood', label_zh: '对数似然', type: 'number' },
      { key: 'aic', label: 'AIC', label_zh: 'AIC', type: 'number' },
      { key: 'bic', label: 'BIC', label_zh: 'BIC', type: 'number' },
      { key: 'statistic_log', label: 'LR chi-square', label_zh: '似然比卡方', type: 'number' },
      { key: 'p_value_log', label: 'p (LR)', label_zh: 'P（似然比）', type: 'p_value' },
      { key: 'statistic_wald', label: 'Wald chi-square', label_zh: 'Wald 卡方', type: 'number' },
      { key: 'p_value_wald', label: 'p (Wald)', label_zh: 'P（Wald）', type: 'p_value' },
      { key: 'statistic_sc', label: 'Score chi-square', label_zh: 'Score 卡方', type: 'number' },
      { key: 'p_value_sc', label: 'p (score)', label_zh: 'P（score）', type: 'p_value' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'concordance', label: 'Concordance', label_zh: '一致性指数', type: 'number' },
      { key: 'std_error_concordance', label: 'SE (concordance)', label_zh: '一致性指数标准误', type: 'number' },
    ],
    rows: [
      {
        nobs: fit.n,
        n_event: fit.nEvent,
        log_lik: fit.loglik,
        aic: ok(-2 * fit.loglik + 2 * df),
        bic: ok(-2 * fit.loglik + df * Math.log(fit.nEvent)),
        statistic_log: ok(lr),
        p_value_log: ok(chisqUpper(lr, df)),
        statistic_wald: ok(fit.wald),
        p_value_wald: ok(chisqUpper(fit.wald, df)),
        statistic_sc: ok(fit.score),
        p_value_sc: ok(chisqUpper(fit.score, df)),
        df,
        concordance: conc ? conc.concordance : null,
        std_error_concordance: conc ? conc.std_error : null,
      },
    ],
    notes: [
      'BIC uses the number of events as the sample size, as R’s BIC for coxph. statistic_wald is unrounded (broom::glance shows summary()’s value rounded to 2 decimals). Concordance as R’s concordance(): pairs in the same stratum, a censored time tied with an event time counted as later; its standard error is R’s infinitesimal jackknife.',
    ],
    notes_zh: ['BIC 以事件数为样本量，同 R 对 coxph 的 BIC。statistic_wald 未经舍入（broom::glance 显示 summary() 中舍入到 2 位小数的值）。一致性指数同 R 的 concordance()：仅比较同一层内的对子，与事件时间相同的删失时间视为更晚；其标准误为 R 的无穷小刀切法估计。'],
  };

  const tables: Record<string, ResultTable> = { tidy, glance };
  const assumptions: Assumption[] = [];
  const keptTerms = des.terms
    .map((t) => ({ name: t.name, cols: t.cols.map((c) => fit.kept.indexOf(c)).filter((a) => a >= 0) }))
    .filter((t) => t.cols.length > 0);
  if (!noEvents && k > 0 && fit.infinite.length === 0) {
    const zph = coxZph(data, fit, keptTerms.map((t) => t.cols));
    tables.zph = {
      title: 'Proportional hazards test (cox.zph, transform = "km")',
      title_zh: '比例风险假定检验（cox.zph，transform = "km"）',
      columns: [
        { key: 'term', label: 'Term', label_zh: '项', type: 'text' },
        { key: 'statistic', label: 'Chi-square', label_zh: '卡方值', type: 'number' },
        { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
        { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      ],
      rows: zph.map((r) => ({ term: r.term < 0 ? 'GLOBAL' : keptTerms[r.term].name, statistic: r.statistic, df: r.df, p_value: chisqUpper(r.statistic, r.df) })),
      notes: ['Score test of a time-varying coefficient β(t) = β + θ·g(t), g = 1 − KM(t−), for each term and globally, as cox.zph(fit, transform = "km").'],
      notes_zh: ['对每一项及整体检验时变系数 β(t) = β + θ·g(t)（g = 1 − KM(t−)）的 score 检验，同 cox.zph(fit, transform = "km")。'],
    };
    for (const r of zph) {
      const name = r.term < 0 ? 'GLOBAL' : keptTerms[r.term].name;
      const pv = chisqUpper(r.statistic, r.df);
      const okPh = pv >= 0.05;
      assumptions.push({
        name: r.term < 0 ? 'Proportional hazards (global)' : `Proportional hazards (${name})`,
        name_zh: r.term < 0 ? '比例风险（整体）' : `比例风险（${name}）`,
        statistic: r.statistic,
        p_value: pv,
        ok: okPh,
        message: okPh
          ? `No evidence against proportional hazards${r.term < 0 ? ' overall' : ` for ${name}`} (χ²(${r.df}) = ${fmt(r.statistic)}, p = ${fmt(pv, 2)}).`
          : `The hazard ratio${r.term < 0 ? 's' : ` of ${name}`} may change over time (χ²(${r.df}) = ${fmt(r.statistic)}, p = ${fmt(pv, 2)}). Consider stratifying on ${r.term < 0 ? 'the offending covariate' : name}, a time-varying coefficient, or reporting restricted mean survival time.`,
        message_zh: okPh
          ? `没有证据表明${r.term < 0 ? '整体' : ` ${name} `}违反比例风险假定（χ²(${r.df}) = ${fmt(r.statistic)}，P = ${fmt(pv, 2)}）。`
          : `${r.term < 0 ? '' : `${name} 的`}风险比可能随时间变化（χ²(${r.df}) = ${fmt(r.statistic)}，P = ${fmt(pv, 2)}）。可考虑按${r.term < 0 ? '相应协变量' : ` ${name} `}分层、使用时变系数，或报告限制性平均生存时间。`,
      });
    }
  }
  const epv = fit.nEvent / Math.max(1, k);
  if (!noEvents && epv < 10) {
    assumptions.push({
      name: 'Events per variable',
      name_zh: '每变量事件数',
      ok: false,
      message: `${fit.nEvent} events for ${k} coefficients (${fmt(epv)} per coefficient, fewer than 10): estimates may be biased and unstable. Reduce the number of covariates.`,
      message_zh: `${k} 个系数只有 ${fit.nEvent} 个事件（每个系数 ${fmt(epv)} 个，少于 10）：估计可能有偏且不稳定。请减少协变量数目。`,
    });
  }
  return { tables, figures: noEvents ? [] : [forest(rows, pct)], assumptions, warnings };
}

function forest(rows: Record<string, CellValue>[], pct: string): ResultFigure {
  const values = rows
    .filter((r) => typeof r.exp_estimate === 'number' && typeof r.exp_conf_low === 'number' && typeof r.exp_conf_high === 'number')
    .map((r) => ({ label: String(r.term), estimate: r.exp_estimate as number, low: r.exp_conf_low as number, high: r.exp_conf_high as number }));
  return forestFigure({
    title: 'Hazard ratios (forest plot)',
    title_zh: '风险比（森林图）',
    rows: values,
    xTitle: `Hazard ratio (${pct} CI, log scale)`,
    log: true,
    reference: 1,
    estimateTitle: 'HR',
  });
}

export { single };
