import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { fUpper } from '$core/stats/distributions';
import { mean, median, nullIfNaN, variance } from '$core/stats/descriptive';
import { columnToModelVar, lmFit, modelMatrix, typeIIISS, typeIISS, type ModelVar } from '$core/stats/linear-model';
import { fmt } from '$core/stats/format';

const single = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c[0] : c);
const multi = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c : c ? [c] : []);

type FactorVar = Extract<ModelVar, { kind: 'factor' }>;
interface Prepared {
  y: Float64Array;
  yName: string;
  a: FactorVar;
  b: FactorVar;
}

function prepare(input: RunInput, contrast: 'treatment' | 'sum'): Prepared | InputIssue[] {
  const y = single(input.roles.outcome);
  const fs = multi(input.roles.factors);
  if (!y || fs.length !== 2) return [{ code: 'missing_role', message: { en: 'Choose an outcome and exactly two factors.', zh: '请选择结局变量和恰好两个因素。' } }];
  if (y.kind !== 'numeric') return [{ code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } }];
  if (fs[0].name === fs[1].name) return [{ code: 'same_factor', message: { en: 'Choose two different factors.', zh: '请选择两个不同的因素。' } }];
  const [a, b] = fs.map((f) => columnToModelVar(f, contrast, true) as FactorVar);
  const issues: InputIssue[] = [];
  for (const f of [a, b]) {
    if (f.levels.length < 2) {
      issues.push({ code: 'factor_one_level', message: { en: `Factor “${f.name}” has a single level among the rows used; each factor needs at least 2.`, zh: `因素“${f.name}”在所用数据中只有一个水平；每个因素至少需要 2 个水平。` } });
    }
  }
  if (issues.length) return issues;
  return { y: y.values, yName: y.name, a, b };
}

function cellCounts(p: Prepared): Int32Array {
  const ka = p.a.levels.length;
  const counts = new Int32Array(ka * p.b.levels.length);
  for (let i = 0; i < p.y.length; i++) counts[p.b.codes[i] * ka + p.a.codes[i]]++;
  return counts;
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input, 'treatment');
  if (Array.isArray(p)) return p;
  const inter = Boolean(input.options.interaction ?? true);
  const ka = p.a.levels.length;
  const kb = p.b.levels.length;
  const nPar = inter ? ka * kb : ka + kb - 1;
  const issues: InputIssue[] = [];
  if (inter) {
    const counts = cellCounts(p);
    const empty: string[] = [];
    for (let j = 0; j < kb; j++) for (let i = 0; i < ka; i++) if (!counts[j * ka + i]) empty.push(`${p.a.name} = ${p.a.levels[i]}, ${p.b.name} = ${p.b.levels[j]}`);
    if (empty.length) {
      issues.push({
        code: 'empty_cells',
        message: {
          en: `${empty.length} combination${empty.length > 1 ? 's' : ''} of the factors ha${empty.length > 1 ? 've' : 's'} no observations (${empty.slice(0, 3).join('; ')}${empty.length > 3 ? '; …' : ''}), so the interaction cannot be estimated. Turn off the interaction or merge levels.`,
          zh: `有 ${empty.length} 个因素水平组合没有观测值（${empty.slice(0, 3).join('；')}${empty.length > 3 ? '；…' : ''}），无法估计交互作用。请关闭交互作用或合并水平。`,
        },
      });
    }
  }
  if (p.y.length <= nPar) {
    issues.push({ code: 'too_few_rows', message: { en: `The model has ${nPar} cell means/coefficients but only ${p.y.length} rows; two-way ANOVA needs more rows than that to estimate the residual variance.`, zh: `模型有 ${nPar} 个参数，但只有 ${p.y.length} 行数据；双因素方差分析需要更多的行来估计残差方差。` } });
  }
  return issues;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const type = String(input.options.type ?? 'II');
  const inter = Boolean(input.options.interaction ?? true);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const p = prepare(input, type === 'III' ? 'sum' : 'treatment') as Prepared;
  const terms = [[p.a.name], [p.b.name], ...(inter ? [[p.a.name, p.b.name]] : [])];
  const design = modelMatrix([p.a, p.b], terms);
  const fit = lmFit(design, p.y);
  const dfr = fit.dfResidual;
  const s2 = fit.rss / dfr;
  const ss = type === 'III' ? typeIIISS(design, fit) : typeIISS(design, fit);
  const warnings: ResultWarning[] = [];
  const constant = !(fit.rss > 0);
  if (constant) {
    warnings.push({ code: 'constant_data', message: `“${p.yName}” does not vary within the cells; F statistics and p-values are undefined.`, message_zh: `“${p.yName}”在各单元格内没有变异；F 统计量和 P 值无定义。` });
  }
  const anova: ResultTable = {
    title: `Two-way ANOVA (type ${type}): ${p.yName} ~ ${p.a.name} ${inter ? '*' : '+'} ${p.b.name}`,
    title_zh: `双因素方差分析（${type} 型）：${p.yName} ~ ${p.a.name} ${inter ? '*' : '+'} ${p.b.name}`,
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
        const ok = !constant && Number.isFinite(f);
        return {
          term: r.term, df: r.df, sumsq: r.sumsq, meansq: r.sumsq / r.df, statistic: ok ? f : null, p_value: ok ? fUpper(f, r.df, dfr) : null,
          partial_eta_squared: r.term === '(Intercept)' ? null : nullIfNaN(r.sumsq / (r.sumsq + fit.rss)),
        };
      }),
      { term: 'Residuals', df: dfr, sumsq: fit.rss, meansq: s2, statistic: null, p_value: null, partial_eta_squared: null },
    ],
    notes: [
      type === 'III'
        ? 'Type III sums of squares with sum-to-zero contrasts, as car::Anova(type = "III") after options(contrasts = c("contr.sum", "contr.poly")); main effects are averaged over the levels of the other factor.'
        : 'Type II sums of squares, as car::Anova(type = "II"): each main effect is adjusted for the other main effect (not for the interaction).',
      'Partial η² = SS(effect) / (SS(effect) + SS(residual)).',
    ],
    notes_zh: [
      type === 'III'
        ? 'III 型平方和，采用和为零对比，与 options(contrasts = c("contr.sum", "contr.poly")) 后的 car::Anova(type = "III") 一致；主效应为对另一因素各水平的平均。'
        : 'II 型平方和，与 car::Anova(type = "II") 一致：每个主效应对另一主效应进行调整（不对交互作用调整）。',
      '偏 η² = 效应平方和 / (效应平方和 + 残差平方和)。',
    ],
  };
  // cell summaries
  const ka = p.a.levels.length;
  const kb = p.b.levels.length;
  const cellVals: number[][] = Array.from({ length: ka * kb }, () => []);
  for (let i = 0; i < p.y.length; i++) cellVals[p.b.codes[i] * ka + p.a.codes[i]].push(p.y[i]);
  const cellRows: Record<string, string | number | null>[] = [];
  for (let j = 0; j < kb; j++)
    for (let i = 0; i < ka; i++) {
      const v = cellVals[j * ka + i];
      if (!v.length) continue;
      cellRows.push({ [p.a.name]: p.a.levels[i], [p.b.name]: p.b.levels[j], n: v.length, mean: mean(v), sd: nullIfNaN(Math.sqrt(variance(v))) });
    }
  const cells: ResultTable = {
    title: `${p.yName} by ${p.a.name} and ${p.b.name}`,
    title_zh: `按 ${p.a.name} 和 ${p.b.name} 分组的 ${p.yName}`,
    columns: [
      { key: p.a.name, label: p.a.name, type: 'text' },
      { key: p.b.name, label: p.b.name, type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
    ],
    rows: cellRows,
  };
  const assumptions: Assumption[] = [];
  const nonEmpty = cellVals.filter((v) => v.length > 0);
  if (nonEmpty.every((v) => v.length >= 2)) {
    // Levene (median-centred) across the cells
    const dev = nonEmpty.map((v) => {
      const md = median(v);
      return v.map((x) => Math.abs(x - md));
    });
    const means = dev.map((d) => mean(d));
    const N = dev.reduce((s, d) => s + d.length, 0);
    const grand = dev.reduce((s, d, j) => s + means[j] * d.length, 0) / N;
    let ssb = 0;
    let ssw = 0;
    dev.forEach((d, j) => {
      ssb += d.length * (means[j] - grand) ** 2;
      for (const x of d) ssw += (x - means[j]) ** 2;
    });
    const df1 = dev.length - 1;
    const df2 = N - dev.length;
    const f = ssb / df1 / (ssw / df2);
    if (Number.isFinite(f)) {
      const pv = fUpper(f, df1, df2);
      assumptions.push({
        name: 'Equal variances across cells (Levene, median-centred)',
        name_zh: '各单元格方差齐性（Levene 检验，以中位数为中心）',
        statistic: f,
        p_value: pv,
        ok: pv >= 0.05,
        message: pv < 0.05
          ? `The cell variances differ (Levene F(${df1}, ${df2}) = ${fmt(f)}, p = ${fmt(pv, 2)}); F tests may be unreliable, especially with unequal cell sizes. Consider a transformation of the outcome or heteroscedasticity-robust tests (car::Anova(white.adjust = TRUE)).`
          : `No evidence that the cell variances differ (Levene F(${df1}, ${df2}) = ${fmt(f)}, p = ${fmt(pv, 2)}).`,
        message_zh: pv < 0.05
          ? `各单元格方差不同（Levene F(${df1}, ${df2}) = ${fmt(f)}，P = ${fmt(pv, 2)}）；F 检验可能不可靠，单元格大小不等时尤甚。可考虑对结局变量进行变换，或使用异方差稳健检验（car::Anova(white.adjust = TRUE)）。`
          : `没有证据表明各单元格方差不同（Levene F(${df1}, ${df2}) = ${fmt(f)}，P = ${fmt(pv, 2)}）。`,
      });
    }
  }
  assumptions.push({
    name: 'Normality of residuals',
    name_zh: '残差正态性',
    ok: null,
    message: `ANOVA assumes roughly normal residuals within cells${Math.min(...nonEmpty.map((v) => v.length)) < 15 ? ' (some cells are small)' : ''}. Check for strong skewness or outliers; with skewed data consider transforming the outcome or a rank-based (aligned rank transform) analysis.`,
    message_zh: `方差分析假定各单元格内残差大致服从正态分布${Math.min(...nonEmpty.map((v) => v.length)) < 15 ? '（部分单元格例数较少）' : ''}。请检查是否有明显偏态或离群值；数据偏态时可考虑对结局变量进行变换或使用基于秩的方法（对齐秩变换）。`,
  });
  const counts = cellCounts(p);
  const balanced = Array.from(counts).every((c) => c === counts[0]);
  if (!balanced && inter && type === 'II') {
    const iRow = anova.rows.find((r) => r.term === `${p.a.name}:${p.b.name}`);
    if (iRow && typeof iRow.p_value === 'number' && iRow.p_value < 0.05) {
      warnings.push({
        code: 'interaction_present',
        message: 'The interaction is significant in an unbalanced design: type II main effects assume no interaction. Interpret the effect of each factor within levels of the other (see the cell means) rather than the main effects.',
        message_zh: '在不平衡设计中交互作用有统计学意义：II 型主效应假定无交互作用。请在另一因素的各水平内解释每个因素的效应（见单元格均值），而不是解释主效应。',
      });
    }
  }
  return { tables: { anova, cells }, figures: [interactionFigure(cellRows, p)], assumptions, warnings };
}

function interactionFigure(rows: Record<string, string | number | null>[], p: Prepared): ResultFigure {
  const values = rows.map((r) => ({ a: r[p.a.name], b: r[p.b.name], mean: r.mean, n: r.n }));
  return {
    id: 'interaction_plot',
    title: `Mean ${p.yName} by ${p.a.name} and ${p.b.name}`,
    title_zh: `按 ${p.a.name} 和 ${p.b.name} 分组的 ${p.yName} 均值`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 'container',
      height: 300,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'a', type: 'nominal', title: p.a.name, sort: p.a.levels },
        y: { field: 'mean', type: 'quantitative', title: `Mean ${p.yName}`, scale: { zero: false } },
        color: { field: 'b', type: 'nominal', title: p.b.name, sort: p.b.levels },
        tooltip: [{ field: 'a', title: p.a.name }, { field: 'b', title: p.b.name }, { field: 'mean', format: '.4~g' }, { field: 'n' }],
      },
    },
  };
}
