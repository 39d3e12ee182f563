import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { nullIfNaN, quantile } from '$core/stats/descriptive';
import { fmt } from '$core/stats/format';
import { medianR, wilcoxSignedRank } from '$core/stats/wilcoxon';
import { boxFigure } from '$core/results/box-figure';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

interface Prepared {
  label: string;
  paired: boolean;
  d: Float64Array;
}

function prepare(input: RunInput): Prepared | InputIssue {
  const x = single(input.roles.x);
  const y = single(input.roles.y);
  if (!x) return { code: 'missing_role', message: { en: 'Choose the first measurement (x).', zh: '请选择第一次测量（x）。' } };
  if (x.kind !== 'numeric' || (y && y.kind !== 'numeric')) return { code: 'not_numeric', message: { en: 'The measurements must be numeric.', zh: '测量值必须是数值型。' } };
  const xs = x.values;
  if (!y || y.kind !== 'numeric') {
    const d = Float64Array.from(Array.from(xs).filter((v) => !Number.isNaN(v)));
    return { label: x.name, paired: false, d };
  }
  const ys = y.values;
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i]) && !Number.isNaN(ys[i])) out.push(xs[i] - ys[i]);
  return { label: `${x.name} − ${y.name}`, paired: true, d: Float64Array.from(out) };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  if (p.d.length < 1) {
    return [{ code: 'too_few_rows', message: { en: 'There are no complete observations to test.', zh: '没有可用于检验的完整观测。' } }];
  }
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const o = input.options;
  const alternative = String(o.alternative ?? 'two.sided') as Alternative;
  const mu = Number(o.mu ?? 0);
  const exactOpt = String(o.exact ?? 'auto');
  const correct = Boolean(o.correct ?? true);
  const confInt = Boolean(o.conf_int ?? true);
  const confLevel = Number(o.conf_level ?? 0.95);
  const warnings: ResultWarning[] = [];
  let exact: boolean | null = exactOpt === 'true' ? true : exactOpt === 'false' ? false : null;
  if (exact === true && p.d.length > 400) {
    exact = false;
    warnings.push({ code: 'exact_too_large', message: `The exact distribution is too large to compute for n = ${p.d.length}; the normal approximation was used.`, message_zh: `n = ${p.d.length} 时精确分布计算量过大，已改用正态近似。` });
  }
  const r = wilcoxSignedRank(p.d, { alternative, mu, exact, correct, confInt, confLevel });
  let nZero = 0;
  for (let i = 0; i < p.d.length; i++) if (p.d[i] - mu === 0) nZero++;
  const pct = `${Math.round(confLevel * 1000) / 10}%`;
  const notes: string[] = [];
  const notesZh: string[] = [];
  for (const w of r.warnings) {
    if (w === 'ties_exact' || w === 'zeroes_exact') {
      warnings.push({
        code: w,
        message: `There are ${w === 'ties_exact' ? 'tied absolute differences' : 'zero differences'}, so the exact p-value cannot be computed; the normal approximation was used, as R does.`,
        message_zh: `存在${w === 'ties_exact' ? '绝对差值相同（结）' : '零差值'}，无法计算精确 P 值；已按 R 的做法改用正态近似。`,
      });
    } else if (w === 'conf_level_not_achievable') {
      warnings.push({ code: w, message: `The requested confidence level is not achievable with n = ${p.d.length}; the interval has confidence level ${fmt(r.conf_level, 4)}.`, message_zh: `n = ${p.d.length} 时无法达到所要求的置信水平；该区间的实际置信水平为 ${fmt(r.conf_level, 4)}。` });
    } else if (w === 'ci_all_tied') {
      warnings.push({ code: w, message: 'All differences are zero or tied; the confidence interval cannot be computed.', message_zh: '所有差值均为零或相同，无法计算置信区间。' });
    }
  }
  if (Number.isNaN(r.p_value)) {
    warnings.push({ code: 'constant_data', message: 'All differences equal μ (or are tied at zero), so the test is undefined.', message_zh: '所有差值都等于 μ，检验无定义。' });
    notes.push('p_value is null: no non-zero differences (or no variance of the signed ranks).');
    notesZh.push('P 值为空：没有非零差值（或符号秩无变异）。');
  }
  if (nZero > 0) {
    notes.push(`${nZero} difference${nZero === 1 ? '' : 's'} equal to μ ${nZero === 1 ? 'was' : 'were'} dropped before ranking, as in R.`);
    notesZh.push(`与 R 相同，${nZero} 个等于 μ 的差值在排秩前被剔除。`);
  }
  notes.push(r.exact ? 'Exact p-value and exact confidence interval (order statistics of the Walsh averages).' : `p-value from the normal approximation${correct ? ' with continuity correction' : ''}${r.ties ? ', corrected for ties' : ''}${confInt ? '; estimate and interval by root finding (R’s uniroot, tolerance 1e-4)' : ''}.`);
  notesZh.push(r.exact ? '精确 P 值和精确置信区间（Walsh 平均数的顺序统计量）。' : `P 值来自正态近似${correct ? '（含连续性校正）' : ''}${r.ties ? '，并经结校正' : ''}${confInt ? '；估计值和区间通过求根（R 的 uniroot，容差 1e-4）得到' : ''}。`);
  if (confInt && alternative !== 'two.sided') {
    notes.push(`${alternative === 'less' ? 'conf_low' : 'conf_high'} is null: a one-sided interval is unbounded on that side.`);
    notesZh.push(`${alternative === 'less' ? '置信区间下限' : '置信区间上限'}为空：单侧区间在该侧无界。`);
  }
  if (!confInt) {
    notes.push('estimate and confidence interval are null: conf_int is off.');
    notesZh.push('估计值和置信区间为空：未要求计算置信区间。');
  }
  const fin = (v: number) => (Number.isFinite(v) ? v : null);
  const tidy: ResultTable = {
    title: r.method,
    title_zh: r.exact ? 'Wilcoxon 符号秩精确检验' : 'Wilcoxon 符号秩检验（正态近似）',
    columns: [
      { key: 'statistic', label: 'V', label_zh: 'V', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'estimate', label: '(Pseudo)median', label_zh: '（伪）中位数', type: 'number' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
      { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
    ],
    rows: [{ statistic: r.statistic, p_value: nullIfNaN(r.p_value), estimate: confInt ? fin(r.estimate) : null, conf_low: confInt ? fin(r.conf_low) : null, conf_high: confInt ? fin(r.conf_high) : null, method: r.method, alternative }],
    notes,
    notes_zh: notesZh,
  };
  let nPos = 0;
  let nNeg = 0;
  for (let i = 0; i < p.d.length; i++) {
    if (p.d[i] - mu > 0) nPos++;
    else if (p.d[i] - mu < 0) nNeg++;
  }
  const summary: ResultTable = {
    title: p.paired ? `Differences ${p.label}` : p.label,
    title_zh: p.paired ? `差值 ${p.label}` : p.label,
    columns: [
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'n_positive', label: '> μ', label_zh: '> μ', type: 'integer' },
      { key: 'n_negative', label: '< μ', label_zh: '< μ', type: 'integer' },
      { key: 'n_zero', label: '= μ (dropped)', label_zh: '= μ（剔除）', type: 'integer' },
      { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
      { key: 'q1', label: 'Q1', label_zh: '下四分位数', type: 'number' },
      { key: 'q3', label: 'Q3', label_zh: '上四分位数', type: 'number' },
    ],
    rows: [{ n: p.d.length, n_positive: nPos, n_negative: nNeg, n_zero: nZero, median: nullIfNaN(medianR(p.d)), q1: nullIfNaN(quantile(p.d, 0.25)), q3: nullIfNaN(quantile(p.d, 0.75)) }],
  };
  const q1 = quantile(p.d, 0.25);
  const q3 = quantile(p.d, 0.75);
  const med = medianR(p.d);
  const skew = q3 - med > 0 && med - q1 > 0 ? (q3 - med) / (med - q1) : NaN;
  const symmetric = Number.isFinite(skew) ? skew <= 3 && skew >= 1 / 3 : null;
  const assumptions: Assumption[] = [
    {
      name: p.paired ? 'Symmetric distribution of the differences' : 'Symmetric distribution',
      name_zh: p.paired ? '差值分布对称' : '分布对称',
      ok: symmetric,
      message:
        symmetric === false
          ? 'The differences look clearly skewed (quartiles far from symmetric around the median): the signed-rank test assumes symmetry about the centre; consider the sign test (binomial test on the signs), which does not.'
          : 'The signed-rank test assumes the differences are symmetric about their centre; the quartiles show no strong skewness.',
      message_zh:
        symmetric === false
          ? '差值明显偏态（四分位数相对中位数明显不对称）：符号秩检验假定差值关于中心对称；可考虑不需要此假定的符号检验（对正负号做二项检验）。'
          : '符号秩检验假定差值关于其中心对称；四分位数未显示明显偏态。',
    },
  ];
  if (p.d.length - nZero < 6) {
    warnings.push({ code: 'small_sample', message: `Only ${p.d.length - nZero} non-zero differences: the test has very little power (with 5 or fewer a two-sided p < 0.05 is impossible).`, message_zh: `非零差值只有 ${p.d.length - nZero} 个：检验效能很低（不超过 5 个时双侧 P 值不可能小于 0.05）。` });
  }
  const figure = boxFigure({ id: 'differences', title: p.paired ? `Differences ${p.label}` : p.label, title_zh: p.paired ? `差值 ${p.label}` : p.label, valueTitle: p.label, groups: [{ name: p.label, values: p.d }] });
  return { tables: { tidy, summary }, figures: [figure], assumptions, warnings };
}
