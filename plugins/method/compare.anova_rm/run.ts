import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { chisqUpper, fUpper } from '$core/stats/distributions';
import { asFactor, type Factor } from '$core/stats/factor';
import { det, rLevelLabels } from '$core/stats/linear-model';
import { fmt } from '$core/stats/format';

const single = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c[0] : c);

interface Wide {
  yName: string;
  wName: string;
  levels: string[];
  /** n × k row-major, complete subjects only. */
  Y: Float64Array;
  n: number;
  k: number;
  nSubjectsAll: number;
  dropped: number;
  duplicates: number;
}

function toWide(input: RunInput): Wide | InputIssue {
  const y = single(input.roles.outcome);
  const w = single(input.roles.within);
  const id = single(input.roles.id);
  if (!y || !w || !id) return { code: 'missing_role', message: { en: 'Choose an outcome, a within-subject factor and a subject id.', zh: '请选择结局变量、组内因素和受试者编号。' } };
  if (y.kind !== 'numeric') return { code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } };
  const w0 = asFactor(w);
  const wf: Factor = { ...w0, levels: rLevelLabels(w0.levels, w.type) };
  const sf: Factor = asFactor(id);
  // used levels of the within factor
  const usedW = new Uint8Array(wf.levels.length);
  for (let i = 0; i < wf.codes.length; i++) if (wf.codes[i] >= 0 && !Number.isNaN(y.values[i])) usedW[wf.codes[i]] = 1;
  const wMap = new Int32Array(wf.levels.length).fill(-1);
  const levels: string[] = [];
  wf.levels.forEach((l, j) => {
    if (usedW[j]) {
      wMap[j] = levels.length;
      levels.push(l);
    }
  });
  const k = levels.length;
  const S = sf.levels.length;
  const sum = new Float64Array(S * k);
  const cnt = new Int32Array(S * k);
  const seen = new Uint8Array(S);
  for (let i = 0; i < y.values.length; i++) {
    const s = sf.codes[i];
    const c = wf.codes[i] >= 0 ? wMap[wf.codes[i]] : -1;
    if (s < 0 || c < 0 || Number.isNaN(y.values[i])) continue;
    sum[s * k + c] += y.values[i];
    cnt[s * k + c]++;
    seen[s] = 1;
  }
  let nAll = 0;
  let n = 0;
  let duplicates = 0;
  const complete: number[] = [];
  for (let s = 0; s < S; s++) {
    if (!seen[s]) continue;
    nAll++;
    let ok = true;
    for (let c = 0; c < k; c++) {
      if (!cnt[s * k + c]) ok = false;
      else if (cnt[s * k + c] > 1) duplicates++;
    }
    if (ok) complete.push(s);
  }
  n = complete.length;
  const Y = new Float64Array(n * k);
  complete.forEach((s, r) => {
    for (let c = 0; c < k; c++) Y[r * k + c] = sum[s * k + c] / cnt[s * k + c];
  });
  return { yName: y.name, wName: w.name, levels, Y, n, k, nSubjectsAll: nAll, dropped: nAll - n, duplicates };
}

export function validate(input: RunInput): InputIssue[] {
  const w = toWide(input);
  if ('code' in w) return [w];
  if (w.k < 2) {
    return [{ code: 'too_few_levels', message: { en: `The within-subject factor “${w.wName}” has ${w.k} level among the rows with data; at least 2 are needed.`, zh: `组内因素“${w.wName}”在有数据的行中只有 ${w.k} 个水平；至少需要 2 个。` } }];
  }
  if (w.n < 2) {
    return [{
      code: 'too_few_subjects',
      message: {
        en: `Only ${w.n} subject${w.n === 1 ? ' has' : 's have'} a value at every level of “${w.wName}” (${w.dropped} of ${w.nSubjectsAll} incomplete); repeated-measures ANOVA needs at least 2 complete subjects.`,
        zh: `只有 ${w.n} 名受试者在“${w.wName}”的每个水平上都有数据（${w.nSubjectsAll} 名中 ${w.dropped} 名不完整）；重复测量方差分析至少需要 2 名完整的受试者。`,
      },
    }];
  }
  return [];
}

export interface RmResult {
  ssCond: number;
  ssErr: number;
  df1: number;
  df2: number;
  f: number;
  p: number;
  means: number[];
  sds: number[];
  mauchly: { w: number; p: number } | null;
  gg: number | null;
  hf: number | null;
}

/** One-way repeated-measures ANOVA on an n × k complete matrix, as car::Anova(mlm, idesign). */
export function rmAnova(Y: Float64Array, n: number, k: number): RmResult {
  const colMean = new Float64Array(k);
  const rowMean = new Float64Array(n);
  let grand = 0;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < k; c++) {
      colMean[c] += Y[r * k + c];
      rowMean[r] += Y[r * k + c];
    }
  for (let c = 0; c < k; c++) {
    colMean[c] /= n;
    grand += colMean[c];
  }
  grand /= k;
  for (let r = 0; r < n; r++) rowMean[r] /= k;
  let ssCond = 0;
  for (let c = 0; c < k; c++) ssCond += n * (colMean[c] - grand) ** 2;
  let ssErr = 0;
  for (let r = 0; r < n; r++) for (let c = 0; c < k; c++) ssErr += (Y[r * k + c] - rowMean[r] - colMean[c] + grand) ** 2;
  const df1 = k - 1;
  const df2 = (k - 1) * (n - 1);
  const f = ssCond / df1 / (ssErr / df2);
  const sds = Array.from({ length: k }, (_, c) => {
    let s = 0;
    for (let r = 0; r < n; r++) s += (Y[r * k + c] - colMean[c]) ** 2;
    return Math.sqrt(s / (n - 1));
  });
  const out: RmResult = { ssCond, ssErr, df1, df2, f, p: fUpper(f, df1, df2), means: Array.from(colMean), sds, mauchly: null, gg: null, hf: null };
  if (k < 3) return out;
  // orthonormal Helmert contrasts M (k × p); S = M' SSPE M
  const p = k - 1;
  const Z = new Float64Array(n * p);
  for (let r = 0; r < n; r++)
    for (let j = 0; j < p; j++) {
      const a = 1 / Math.sqrt((j + 1) * (j + 2));
      let s = 0;
      for (let c = 0; c <= j; c++) s += (Y[r * k + c] - colMean[c]) * a;
      s -= (Y[r * k + j + 1] - colMean[j + 1]) * (j + 1) * a;
      Z[r * p + j] = s;
    }
  const S = new Float64Array(p * p);
  for (let r = 0; r < n; r++)
    for (let a = 0; a < p; a++) {
      const za = Z[r * p + a];
      for (let b = a; b < p; b++) S[a * p + b] += za * Z[r * p + b];
    }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) S[a * p + b] = S[b * p + a];
  let tr = 0;
  let tr2 = 0;
  for (let a = 0; a < p; a++) {
    tr += S[a * p + a];
    for (let b = 0; b < p; b++) tr2 += S[a * p + b] * S[b * p + a];
  }
  const gg = (tr / p) ** 2 / (tr2 / p);
  const edf = n - 1;
  const hf = ((edf + 1) * p * gg - 2) / (p * (edf - p * gg));
  out.gg = gg;
  out.hf = hf;
  if (n - 1 >= p) {
    const dS = det(S, p);
    if (dS > 0) {
      const logW = Math.log(dS) - p * Math.log(tr / p);
      const rho = 1 - (2 * p * p + p + 2) / (6 * p * edf);
      // car's mauchly() has 3 * nrow(P) (= k levels) where stats::mauchly.test has 3 * p (= k - 1); we follow car.
      const w2 = ((p + 2) * (p - 1) * (p - 2) * (2 * p ** 3 + 6 * p * p + 3 * k + 2)) / (288 * (edf * p * rho) ** 2);
      const z = -edf * rho * logW;
      const fdf = (p * (p + 1)) / 2 - 1;
      const pr1 = chisqUpper(z, fdf);
      const pr2 = chisqUpper(z, fdf + 4);
      out.mauchly = { w: Math.exp(logW), p: pr1 + w2 * (pr2 - pr1) };
    }
  }
  return out;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const wide = toWide(input);
  if ('code' in wide) throw new Error(wide.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const { n, k, levels, yName, wName } = wide;
  const r = rmAnova(wide.Y, n, k);
  const warnings: ResultWarning[] = [];
  if (wide.dropped > 0) {
    warnings.push({
      code: 'incomplete_subjects',
      message: `${wide.dropped} of ${wide.nSubjectsAll} subjects were dropped because they lack a value of “${yName}” at one or more levels of “${wName}”; the analysis uses the ${n} complete subjects. A linear mixed model can use the incomplete subjects too.`,
      message_zh: `${wide.nSubjectsAll} 名受试者中有 ${wide.dropped} 名因在“${wName}”的一个或多个水平上缺少“${yName}”而被剔除；分析使用 ${n} 名完整受试者。线性混合效应模型可以同时利用不完整的受试者。`,
    });
  }
  if (wide.duplicates > 0) {
    warnings.push({
      code: 'duplicate_rows',
      message: `${wide.duplicates} subject × level combination(s) had more than one row; their values were averaged.`,
      message_zh: `有 ${wide.duplicates} 个受试者 × 水平组合存在多行数据，已取平均值。`,
    });
  }
  const constant = !(r.ssErr > 0);
  const fOk = !constant && Number.isFinite(r.f);
  const pgg = r.gg !== null && fOk ? fUpper(r.f, r.df1 * r.gg, r.df2 * r.gg) : null;
  const hfc = r.hf !== null ? Math.min(1, r.hf) : null;
  const phf = hfc !== null && fOk ? fUpper(r.f, r.df1 * hfc, r.df2 * hfc) : null;
  const eta = r.ssCond / (r.ssCond + r.ssErr);
  if (constant) {
    warnings.push({ code: 'constant_data', message: 'The subject × condition residuals are all zero; the F test is undefined.', message_zh: '受试者 × 条件残差全部为零；F 检验无定义。' });
  }
  const tidy: ResultTable = {
    title: `Repeated-measures ANOVA: ${yName} across ${wName}`,
    title_zh: `重复测量方差分析：${yName} 随 ${wName} 的变化`,
    columns: [
      { key: 'term', label: 'Factor', label_zh: '因素', type: 'text' },
      { key: 'statistic', label: 'F', label_zh: 'F 值', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'number' },
      { key: 'df_denom', label: 'df (error)', label_zh: '误差自由度', type: 'number' },
      { key: 'p_value', label: 'p (sphericity assumed)', label_zh: 'P 值（假定球形）', type: 'p_value' },
      { key: 'p_value_gg', label: 'p (Greenhouse–Geisser)', label_zh: 'P 值（Greenhouse–Geisser）', type: 'p_value' },
      { key: 'p_value_hf', label: 'p (Huynh–Feldt)', label_zh: 'P 值（Huynh–Feldt）', type: 'p_value' },
      { key: 'partial_eta_squared', label: 'Partial η²', label_zh: '偏 η²', type: 'number' },
      { key: 'n_subjects', label: 'Subjects', label_zh: '受试者数', type: 'integer' },
    ],
    rows: [{ term: wName, statistic: fOk ? r.f : null, df: r.df1, df_denom: r.df2, p_value: fOk ? r.p : null, p_value_gg: pgg, p_value_hf: phf, partial_eta_squared: Number.isFinite(eta) ? eta : null, n_subjects: n }],
    notes: [
      'Partial η² = SS(condition) / (SS(condition) + SS(subject × condition)).',
      ...(k < 3 ? ['With 2 levels sphericity holds trivially; the corrected p-values are null (not needed).'] : []),
    ],
    notes_zh: ['偏 η² = 条件平方和 / (条件平方和 + 受试者 × 条件平方和)。', ...(k < 3 ? ['只有 2 个水平时球形假设自然成立；校正 P 值为空（无需校正）。'] : [])],
  };
  const anova: ResultTable = {
    title: 'Univariate repeated-measures ANOVA table',
    title_zh: '单变量重复测量方差分析表',
    columns: [
      { key: 'term', label: 'Source', label_zh: '变异来源', type: 'text' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'sumsq', label: 'Sum of squares', label_zh: '平方和', type: 'number' },
      { key: 'meansq', label: 'Mean square', label_zh: '均方', type: 'number' },
      { key: 'statistic', label: 'F', label_zh: 'F 值', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
    ],
    rows: [
      { term: wName, df: r.df1, sumsq: r.ssCond, meansq: r.ssCond / r.df1, statistic: fOk ? r.f : null, p_value: fOk ? r.p : null },
      { term: `Residuals (subject × ${wName})`, df: r.df2, sumsq: r.ssErr, meansq: r.ssErr / r.df2, statistic: null, p_value: null },
    ],
  };
  const tables: Record<string, ResultTable> = { tidy, anova };
  const assumptions: Assumption[] = [];
  if (k >= 3) {
    tables.sphericity = {
      title: 'Sphericity: Mauchly’s test and epsilon corrections',
      title_zh: '球形检验：Mauchly 检验与 epsilon 校正',
      columns: [
        { key: 'term', label: 'Factor', label_zh: '因素', type: 'text' },
        { key: 'mauchly_w', label: 'Mauchly’s W', label_zh: 'Mauchly W', type: 'number' },
        { key: 'p_value', label: 'p (Mauchly)', label_zh: 'P 值（Mauchly）', type: 'p_value' },
        { key: 'gg_epsilon', label: 'GG ε', label_zh: 'GG ε', type: 'number' },
        { key: 'p_value_gg', label: 'p (GG)', label_zh: 'P 值（GG）', type: 'p_value' },
        { key: 'hf_epsilon', label: 'HF ε', label_zh: 'HF ε', type: 'number' },
        { key: 'p_value_hf', label: 'p (HF)', label_zh: 'P 值（HF）', type: 'p_value' },
      ],
      rows: [{ term: wName, mauchly_w: r.mauchly?.w ?? null, p_value: r.mauchly?.p ?? null, gg_epsilon: r.gg, p_value_gg: pgg, hf_epsilon: r.hf, p_value_hf: phf }],
      notes: [
        'As car::Anova / summary(multivariate = FALSE). The Huynh–Feldt ε is shown as computed (it can exceed 1); its p-value uses min(1, ε), as car does. Mauchly’s p-value uses car’s second-order term, which differs slightly from stats::mauchly.test.',
        ...(r.mauchly ? [] : [`Mauchly’s test is null: it needs more complete subjects (${n}) than levels (${k}) to estimate the covariance of the differences.`]),
      ],
      notes_zh: [
        '与 car::Anova / summary(multivariate = FALSE) 一致。Huynh–Feldt ε 按计算值显示（可能大于 1）；其 P 值使用 min(1, ε)，与 car 相同。Mauchly 检验 P 值采用 car 的二阶校正项，与 stats::mauchly.test 略有不同。',
        ...(r.mauchly ? [] : [`Mauchly 检验为空：需要完整受试者数（${n}）多于水平数（${k}）才能估计差值的协方差。`]),
      ],
    };
    const violated = r.mauchly ? r.mauchly.p < 0.05 : null;
    assumptions.push({
      name: 'Sphericity (Mauchly’s test)',
      name_zh: '球形假设（Mauchly 检验）',
      statistic: r.mauchly?.w ?? null,
      p_value: r.mauchly?.p ?? null,
      ok: violated === null ? null : !violated,
      message:
        violated === null
          ? `Mauchly’s test could not be computed; use the Greenhouse–Geisser corrected p-value (ε = ${fmt(r.gg)}).`
          : violated
            ? `Sphericity is violated (Mauchly’s W = ${fmt(r.mauchly!.w)}, p = ${fmt(r.mauchly!.p, 2)}). Report the Greenhouse–Geisser corrected test (ε = ${fmt(r.gg)}, p = ${fmt(pgg, 2)}), or use a multivariate test or a linear mixed model.`
            : `No evidence against sphericity (Mauchly’s W = ${fmt(r.mauchly!.w)}, p = ${fmt(r.mauchly!.p, 2)}); the test has little power in small samples, so the Greenhouse–Geisser correction (ε = ${fmt(r.gg)}) remains a safe choice.`,
      message_zh:
        violated === null
          ? `无法计算 Mauchly 检验；请使用 Greenhouse–Geisser 校正后的 P 值（ε = ${fmt(r.gg)}）。`
          : violated
            ? `违反球形假设（Mauchly W = ${fmt(r.mauchly!.w)}，P = ${fmt(r.mauchly!.p, 2)}）。请报告 Greenhouse–Geisser 校正后的检验（ε = ${fmt(r.gg)}，P = ${fmt(pgg, 2)}），或使用多变量检验或线性混合效应模型。`
            : `没有证据违反球形假设（Mauchly W = ${fmt(r.mauchly!.w)}，P = ${fmt(r.mauchly!.p, 2)}）；该检验在小样本中效能较低，Greenhouse–Geisser 校正（ε = ${fmt(r.gg)}）仍是稳妥的选择。`,
    });
  }
  assumptions.push({
    name: 'Normality of differences',
    name_zh: '差值的正态性',
    ok: n >= 30 ? true : null,
    message: n >= 30 ? `With ${n} subjects the F test is robust to moderate non-normality.` : `With ${n} subjects the test relies on roughly normal within-subject differences; for skewed data or outliers use the Friedman test.`,
    message_zh: n >= 30 ? `受试者为 ${n} 名，F 检验对中度偏离正态较为稳健。` : `受试者只有 ${n} 名，检验依赖于受试者内差值大致服从正态分布；数据偏态或有离群值时请使用 Friedman 检验。`,
  });
  const means: ResultTable = {
    title: `${yName} by ${wName} (complete subjects)`,
    title_zh: `按 ${wName} 分组的 ${yName}（完整受试者）`,
    columns: [
      { key: 'level', label: wName, type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
    ],
    rows: levels.map((l, c) => ({ level: l, n, mean: r.means[c], sd: r.sds[c] })),
  };
  tables.means = means;
  return { tables, figures: [profileFigure(means, yName, wName, levels)], assumptions, warnings };
}

function profileFigure(t: ResultTable, yName: string, wName: string, levels: string[]): ResultFigure {
  const values = t.rows.map((r) => {
    const m = r.mean as number;
    const se = (r.sd as number) / Math.sqrt(r.n as number);
    return { level: r.level, mean: m, lo: m - se, hi: m + se };
  });
  return {
    id: 'profile',
    title: `Mean ${yName} (± SE) by ${wName}`,
    title_zh: `各 ${wName} 水平的 ${yName} 均值（± 标准误）`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 'container',
      height: 300,
      data: { values },
      encoding: { x: { field: 'level', type: 'ordinal', sort: levels, title: wName } },
      layer: [
        { mark: { type: 'line', point: true }, encoding: { y: { field: 'mean', type: 'quantitative', title: `Mean ${yName}`, scale: { zero: false } } } },
        { mark: { type: 'rule' }, encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
      ],
    },
  };
}
