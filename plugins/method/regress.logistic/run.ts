import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { asFactor } from '$core/stats/factor';
import { perInput } from '$core/plugin/per-input';
import { FALSE_TOKENS, TRUE_TOKENS } from '$core/data/casts';
import { glmFit } from '$core/stats/glm';
import { hosmerLemeshow } from '$core/stats/hosmer-lemeshow';
import { aucSorted, mergedScores, rocCurve, splitScores, type RocSplit } from '$core/stats/roc';
import { fmt } from '$core/stats/format';
import { buildGlmDesign, covariateColumns, covariateIssues, glanceTable, tidyTable } from './glm-common';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

interface Outcome {
  y: Float64Array;
  event: string;
  other: string;
  nEvents: number;
}

const outcomeOf = perInput((input: RunInput): Outcome | InputIssue => {
  const col = single(input.roles.outcome);
  if (!col) return { code: 'missing_role', message: { en: 'Choose a binary outcome.', zh: '请选择二分类结局变量。' } };
  const f = asFactor(col);
  const used = new Uint8Array(f.levels.length);
  for (let i = 0; i < f.codes.length; i++) if (f.codes[i] >= 0) used[f.codes[i]] = 1;
  const levels = f.levels.filter((_, j) => used[j]);
  if (levels.length !== 2) {
    return {
      code: 'outcome_not_binary',
      message: {
        en: `The outcome “${col.name}” must have exactly 2 values among the rows used, but it has ${levels.length}${levels.length ? ` (${levels.slice(0, 5).join(', ')}${levels.length > 5 ? ', …' : ''})` : ''}.`,
        zh: `结局变量“${col.name}”在所用的行中必须恰好有 2 个取值，但现在有 ${levels.length} 个${levels.length ? `（${levels.slice(0, 5).join('、')}${levels.length > 5 ? '、…' : ''}）` : ''}。`,
      },
    };
  }
  const ev = String(input.options.event_value ?? '');
  let event = ev === '' ? levels[1] : ev;
  // A yes/no column is imported as boolean (FALSE/TRUE): accept its original spellings.
  if (!levels.includes(event) && levels[0] === 'FALSE' && levels[1] === 'TRUE') {
    const t = event.trim().toLowerCase();
    if (TRUE_TOKENS.includes(t) || t === '1') event = 'TRUE';
    else if (FALSE_TOKENS.includes(t) || t === '0') event = 'FALSE';
  }
  if (!levels.includes(event)) {
    return {
      code: 'bad_event_value',
      message: {
        en: `Event value “${ev}” is not a value of “${col.name}” (its values are ${levels.join(' and ')}).`,
        zh: `事件取值“${ev}”不是“${col.name}”的取值（其取值为 ${levels.join(' 和 ')}）。`,
      },
    };
  }
  const k = f.levels.indexOf(event);
  const y = new Float64Array(f.codes.length);
  let nEvents = 0;
  for (let i = 0; i < y.length; i++) {
    if (f.codes[i] === k) {
      y[i] = 1;
      nEvents++;
    }
  }
  return { y, event, other: levels[0] === event ? levels[1] : levels[0], nEvents };
});

export function validate(input: RunInput): InputIssue[] {
  const o = outcomeOf(input);
  if ('code' in o) return [o];
  return covariateIssues(covariateColumns(input.roles.covariates), o.y.length);
}

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const out = outcomeOf(input) as Outcome;
  const outcomeName = single(input.roles.outcome)!.name;
  const cols = covariateColumns(input.roles.covariates);
  const confLevel = Number(input.options.conf_level ?? 0.95);
  const { design } = buildGlmDesign(cols);
  const fit = glmFit({ family: 'binomial', cols: design.cols, n: design.n, p: design.p, y: out.y, checkCancelled: ctx.checkCancelled });
  const names = design.colnames;
  const warnings: ResultWarning[] = [];

  const tidy = tidyTable(fit, names, confLevel, {
    title: `Logistic regression of ${outcomeName} = ${out.event}`,
    title_zh: `${outcomeName} = ${out.event} 的 Logistic 回归`,
    exp: 'Odds ratio',
    exp_zh: '比值比 (OR)',
  });
  tidy.notes!.unshift(`Event (modelled as 1): ${outcomeName} = ${out.event} (${out.nEvents} of ${design.n}); reference: ${out.other}.`);
  tidy.notes_zh!.unshift(`事件（记为 1）：${outcomeName} = ${out.event}（${design.n} 例中 ${out.nEvents} 例）；参照：${out.other}。`);
  const glance = glanceTable(fit);
  glance.rows[0].n_event = out.nEvents;
  glance.columns.splice(8, 0, { key: 'n_event', label: 'Events', label_zh: '事件数', type: 'integer' });

  const aliased = names.filter((_, j) => fit.aliased[j]);
  if (aliased.length) {
    warnings.push({
      code: 'aliased',
      message: `${aliased.join(', ')} could not be estimated: collinear with the other covariates (R reports NA). Remove the redundant covariate.`,
      message_zh: `${aliased.join('、')} 无法估计：与其他自变量共线（R 报告 NA）。请移除多余的自变量。`,
    });
  }
  if (fit.fittedAtBoundary) {
    warnings.push({
      code: 'separation',
      message: 'Fitted probabilities numerically 0 or 1 occurred (R: “glm.fit: fitted probabilities numerically 0 or 1 occurred”): a covariate (or combination) predicts the outcome (almost) perfectly — complete or quasi-complete separation. The affected estimates and standard errors are unreliable (they diverge); consider Firth’s penalised logistic regression (R: logistf) or exact logistic regression, or combine sparse categories.',
      message_zh: '出现数值上为 0 或 1 的拟合概率（R 提示 “fitted probabilities numerically 0 or 1 occurred”）：某个自变量（或其组合）（几乎）完全预测了结局——完全或准完全分离。受影响的估计值和标准误不可靠（趋于发散）；可考虑 Firth 惩罚 Logistic 回归（R：logistf）或精确 Logistic 回归，或合并稀疏类别。',
    });
  }
  if (!fit.converged) {
    warnings.push({
      code: 'not_converged',
      message: `The fitting algorithm did not converge in ${fit.iter} iterations (R: “glm.fit: algorithm did not converge”); the estimates are not reliable. This usually means separation or a badly scaled covariate.`,
      message_zh: `拟合算法在 ${fit.iter} 次迭代内未收敛（R 提示 “glm.fit: algorithm did not converge”）；估计值不可靠。通常由分离或自变量尺度不当引起。`,
    });
  }

  // discrimination: AUC and ROC curve
  // one split-and-sort of the fitted values serves both the AUC and the ROC curve
  const split = splitScores(fit.fitted, out.y);
  const a = aucSorted(split);
  const aucTable: ResultTable = {
    title: 'Discrimination (area under the ROC curve)',
    title_zh: '区分度（ROC 曲线下面积）',
    columns: [
      { key: 'auc', label: 'AUC (C statistic)', label_zh: 'AUC（C 统计量）', type: 'number' },
      { key: 'n_event', label: 'Events', label_zh: '事件数', type: 'integer' },
      { key: 'n_nonevent', label: 'Non-events', label_zh: '非事件数', type: 'integer' },
    ],
    rows: [{ auc: a, n_event: out.nEvents, n_nonevent: design.n - out.nEvents }],
    notes: ['AUC of the fitted probabilities on the same data (apparent, not validated: optimistic for new patients), by the Mann–Whitney identity, as pROC::auc.'],
    notes_zh: ['基于同一数据拟合概率的 AUC（表观值，未经验证，对新患者偏乐观），按 Mann–Whitney 等价式计算，与 pROC::auc 一致。'],
  };

  // calibration: Hosmer-Lemeshow
  const assumptions: Assumption[] = [];
  const hl = hosmerLemeshow(out.y, fit.fitted, 10, mergedScores(split));
  let hlTable: ResultTable | undefined;
  if (hl && !Number.isFinite(hl.statistic)) {
    assumptions.push({
      name: 'Calibration (Hosmer–Lemeshow, g = 10)',
      name_zh: '校准度（Hosmer–Lemeshow 检验，g = 10）',
      statistic: null,
      p_value: null,
      ok: null,
      message: 'The Hosmer–Lemeshow statistic is not computable: some risk groups are empty or have an expected count of 0 (fitted probabilities at 0 or 1, or heavy ties).',
      message_zh: 'Hosmer–Lemeshow 统计量无法计算：部分风险组为空或预期数为 0（拟合概率为 0 或 1，或大量结值）。',
    });
  } else if (hl) {
    const poor = hl.p_value < 0.05;
    assumptions.push({
      name: 'Calibration (Hosmer–Lemeshow, g = 10)',
      name_zh: '校准度（Hosmer–Lemeshow 检验，g = 10）',
      statistic: hl.statistic,
      p_value: hl.p_value,
      ok: poor ? false : true,
      message: poor
        ? `Observed and predicted event counts differ across risk groups (χ² = ${fmt(hl.statistic)}, df = ${hl.df}, p = ${fmt(hl.p_value, 2)}). The model may be mis-specified: consider non-linear terms (splines) for numeric covariates or interactions. With very large samples the test flags trivial differences; check the table of groups.`
        : `No evidence of poor calibration (χ² = ${fmt(hl.statistic)}, df = ${hl.df}, p = ${fmt(hl.p_value, 2)}). The test has little power in small samples.`,
      message_zh: poor
        ? `各风险组的观察与预测事件数不一致（χ² = ${fmt(hl.statistic)}，自由度 = ${hl.df}，P = ${fmt(hl.p_value, 2)}）。模型可能设定不当：可考虑数值自变量的非线性项（样条）或交互作用。大样本时该检验会检出微小差异，请查看分组表。`
        : `没有证据表明校准度差（χ² = ${fmt(hl.statistic)}，自由度 = ${hl.df}，P = ${fmt(hl.p_value, 2)}）。小样本时该检验效能较低。`,
    });
    hlTable = {
      title: 'Hosmer–Lemeshow groups (deciles of predicted risk)',
      title_zh: 'Hosmer–Lemeshow 分组（预测风险十分位）',
      columns: [
        { key: 'group', label: 'Group', label_zh: '组', type: 'integer' },
        { key: 'lower', label: 'Predicted from', label_zh: '预测概率下限', type: 'number' },
        { key: 'upper', label: 'Predicted to', label_zh: '预测概率上限', type: 'number' },
        { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
        { key: 'observed', label: 'Observed events', label_zh: '观察事件数', type: 'number' },
        { key: 'expected', label: 'Expected events', label_zh: '预期事件数', type: 'number' },
      ],
      rows: hl.groups.map((g, k) => ({ group: k + 1, lower: g.lower, upper: g.upper, n: g.n, observed: g.observed, expected: g.expected })),
      notes: [`χ² = ${hl.statistic}, df = ${hl.df} (g − 2, as ResourceSelection::hoslem.test), p = ${hl.p_value}.${hl.groups.length < 10 ? ` Ties in the predicted risks left ${hl.groups.length} groups; df is still g − 2, as hoslem.test.` : ''}`],
      notes_zh: [`χ² = ${hl.statistic}，自由度 = ${hl.df}（g − 2，与 ResourceSelection::hoslem.test 一致），P = ${hl.p_value}。${hl.groups.length < 10 ? `预测风险存在结，仅形成 ${hl.groups.length} 组；自由度仍按 g − 2，与 hoslem.test 一致。` : ''}`],
    };
  }
  const rank = fit.rank - 1;
  const minClass = Math.min(out.nEvents, design.n - out.nEvents);
  const epv = rank > 0 ? minClass / rank : Infinity;
  assumptions.push({
    name: 'Events per variable',
    name_zh: '每变量事件数 (EPV)',
    statistic: Number.isFinite(epv) ? epv : null,
    ok: epv >= 10,
    message:
      epv >= 10
        ? `${minClass} events in the smaller outcome class for ${rank} coefficient${rank === 1 ? '' : 's'} (${fmt(epv)} per coefficient, ≥ 10).`
        : `Only ${fmt(epv)} events per coefficient (${minClass} in the smaller outcome class for ${rank}); below 10 the estimates are biased away from 1 and unstable. Use fewer covariates or Firth’s penalised logistic regression.`,
    message_zh:
      epv >= 10
        ? `较少一类结局有 ${minClass} 例，模型有 ${rank} 个系数（每个系数 ${fmt(epv)} 例，≥ 10）。`
        : `每个系数仅有 ${fmt(epv)} 个事件（较少一类结局 ${minClass} 例，${rank} 个系数）；低于 10 时估计值偏离 1 且不稳定。请减少自变量或使用 Firth 惩罚 Logistic 回归。`,
  });

  const tables: Record<string, ResultTable> = { tidy, glance, auc: aucTable };
  if (hlTable) tables.hosmer_lemeshow = hlTable;
  return { tables, figures: [rocFigure(fit.fitted, out.y, a, split)], assumptions, warnings };
}

function rocFigure(p: Float64Array, y: Float64Array, a: number, split: RocSplit): ResultFigure {
  const pts = rocCurve(p, y, 2000, split).map((q, i) => ({ i, fpr: q.fpr, tpr: q.tpr }));
  return {
    id: 'roc',
    title: `ROC curve (AUC = ${fmt(a)})`,
    title_zh: `ROC 曲线（AUC = ${fmt(a)}）`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 320,
      height: 320,
      layer: [
        {
          data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] },
          mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
          encoding: { x: { field: 'fpr', type: 'quantitative' }, y: { field: 'tpr', type: 'quantitative' } },
        },
        {
          data: { values: pts },
          mark: { type: 'line', interpolate: 'linear' },
          encoding: {
            x: { field: 'fpr', type: 'quantitative', title: '1 − specificity', scale: { domain: [0, 1] } },
            y: { field: 'tpr', type: 'quantitative', title: 'Sensitivity', scale: { domain: [0, 1] } },
            order: { field: 'i', type: 'quantitative' },
          },
        },
      ],
    },
  };
}
