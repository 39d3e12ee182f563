import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { nullIfNaN, quantile } from '$core/stats/descriptive';
import { asFactor, dropUnusedLevels, splitByLevel, type Factor } from '$core/stats/factor';
import { fmt } from '$core/stats/format';
import { medianR, wilcoxRankSum, type WilcoxResult } from '$core/stats/wilcoxon';
import { boxFigure } from '$core/results/box-figure';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

interface Prepared {
  name: string;
  groupName: string;
  factor: Factor;
  samples: Float64Array[];
}

function prepare(input: RunInput): Prepared | InputIssue {
  const y = single(input.roles.outcome);
  const g = single(input.roles.group);
  if (!y || !g) return { code: 'missing_role', message: { en: 'Choose an outcome and a group variable.', zh: '请选择结局变量和分组变量。' } };
  if (y.kind !== 'numeric') return { code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } };
  const values = y.values;
  const factor = dropUnusedLevels(asFactor(g), (i) => !Number.isNaN(values[i]));
  return { name: y.name, groupName: g.name, factor, samples: splitByLevel(values, factor) };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const k = p.factor.levels.length;
  if (k !== 2) {
    return [
      {
        code: 'group_not_two_levels',
        message: {
          en: `The group variable “${p.groupName}” must have exactly 2 groups among the rows with data, but it has ${k}. Use a filter to keep two groups, or use the Kruskal–Wallis test for more than two.`,
          zh: `分组变量“${p.groupName}”在有数据的行中必须恰好有 2 个组，但现在有 ${k} 个。请用筛选条件只保留两个组；多于两组请使用 Kruskal–Wallis 检验。`,
        },
      },
    ];
  }
  const issues: InputIssue[] = [];
  p.samples.forEach((s, j) => {
    if (s.length < 1) {
      issues.push({
        code: 'group_empty',
        message: { en: `Group “${p.factor.levels[j]}” has no observations of “${p.name}”.`, zh: `组“${p.factor.levels[j]}”中没有“${p.name}”的观测值。` },
      });
    }
  });
  return issues;
}

/** Exact computation cost guard for exact = "true" on large samples (DP over m·n·min(m, n)·(m + n)). */
function exactFeasible(nx: number, ny: number): boolean {
  const a = Math.min(nx, ny);
  return a * (nx + ny) * nx * ny <= 3e8;
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
  const [x, y] = p.samples;
  const [l1, l2] = p.factor.levels;
  const warnings: ResultWarning[] = [];
  let exact: boolean | null = exactOpt === 'true' ? true : exactOpt === 'false' ? false : null;
  if (exact === true && !exactFeasible(x.length, y.length)) {
    exact = false;
    warnings.push({
      code: 'exact_too_large',
      message: `The exact distribution is too large to compute for n = ${x.length} and ${y.length}; the normal approximation was used.`,
      message_zh: `样本量为 ${x.length} 和 ${y.length} 时精确分布的计算量过大，已改用正态近似。`,
    });
  }
  const r: WilcoxResult = wilcoxRankSum(x, y, { alternative, mu, exact, correct, confInt, confLevel });
  const pct = `${Math.round(confLevel * 1000) / 10}%`;
  const notes: string[] = [];
  const notesZh: string[] = [];
  if (Number.isNaN(r.p_value)) {
    warnings.push({
      code: 'constant_data',
      message: `All values of “${p.name}” are tied, so the rank statistic has no variance and the p-value and interval are undefined.`,
      message_zh: `“${p.name}”的所有值都相同，秩统计量没有变异，P 值和置信区间无定义。`,
    });
    notes.push('p_value, estimate and interval are null: all observations are tied.');
    notesZh.push('P 值、估计值和区间为空：所有观测值都相同。');
  }
  for (const w of r.warnings) {
    if (w === 'ties_exact') {
      warnings.push({
        code: 'ties_exact',
        message: 'There are tied values, so the exact p-value cannot be computed; the normal approximation (with tie correction) was used, as R does.',
        message_zh: '数据中存在结（相同值），无法计算精确 P 值；已按 R 的做法改用（经结校正的）正态近似。',
      });
    } else if (w === 'conf_level_not_achievable') {
      warnings.push({
        code: 'conf_level_not_achievable',
        message: `The requested confidence level is not achievable with these sample sizes; the interval has confidence level ${fmt(r.conf_level, 4)}.`,
        message_zh: `在此样本量下无法达到所要求的置信水平；该区间的实际置信水平为 ${fmt(r.conf_level, 4)}。`,
      });
    } else if (w === 'ci_all_tied') {
      warnings.push({ code: 'ci_all_tied', message: 'All observations are tied; the confidence interval cannot be computed.', message_zh: '所有观测值都相同，无法计算置信区间。' });
    }
  }
  if (!r.exact) {
    notes.push(`p-value from the normal approximation${correct ? ' with continuity correction' : ''}${r.ties ? ', corrected for ties' : ''}.`);
    notesZh.push(`P 值来自正态近似${correct ? '（含连续性校正）' : ''}${r.ties ? '，并经结校正' : ''}。`);
    if (confInt) {
      notes.push('The estimate and interval invert the normal approximation by root finding (R’s uniroot, tolerance 1e-4), as R does.');
      notesZh.push('估计值和区间通过求根（R 的 uniroot，容差 1e-4）反解正态近似得到，与 R 一致。');
    }
  } else {
    notes.push('Exact p-value and exact confidence interval (order statistics of the pairwise differences).');
    notesZh.push('精确 P 值和精确置信区间（两两差值的顺序统计量）。');
  }
  if (confInt && alternative === 'less') {
    notes.push('conf_low is null: a one-sided (less) interval has no lower bound (−∞).');
    notesZh.push('置信区间下限为空：单侧（左侧）区间没有下限（−∞）。');
  }
  if (confInt && alternative === 'greater') {
    notes.push('conf_high is null: a one-sided (greater) interval has no upper bound (+∞).');
    notesZh.push('置信区间上限为空：单侧（右侧）区间没有上限（+∞）。');
  }
  if (!confInt) {
    notes.push('estimate and confidence interval are null: conf_int is off.');
    notesZh.push('估计值和置信区间为空：未要求计算置信区间。');
  }
  notes.push(`W = Mann–Whitney U of “${l1}”; estimate = Hodges–Lehmann shift (${l1} − ${l2}); null hypothesis: shift = ${mu}.`);
  notesZh.push(`W = 组“${l1}”的 Mann–Whitney U；估计值 = Hodges–Lehmann 位置偏移（${l1} − ${l2}）；原假设：偏移 = ${mu}。`);

  const fin = (v: number) => (Number.isFinite(v) ? v : null);
  const tidy: ResultTable = {
    title: r.method,
    title_zh: r.exact ? 'Wilcoxon 秩和精确检验' : 'Wilcoxon 秩和检验（正态近似）',
    columns: [
      { key: 'statistic', label: 'W', label_zh: 'W', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'estimate', label: 'Location shift (HL)', label_zh: '位置偏移（HL）', type: 'number' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
      { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
    ],
    rows: [
      {
        statistic: r.statistic,
        p_value: nullIfNaN(r.p_value),
        estimate: confInt ? fin(r.estimate) : null,
        conf_low: confInt ? fin(r.conf_low) : null,
        conf_high: confInt ? fin(r.conf_high) : null,
        method: r.method,
        alternative,
      },
    ],
    notes,
    notes_zh: notesZh,
  };
  const groups: ResultTable = {
    title: `${p.name} by ${p.groupName}`,
    title_zh: `按 ${p.groupName} 分组的 ${p.name}`,
    columns: [
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
      { key: 'q1', label: 'Q1', label_zh: '下四分位数', type: 'number' },
      { key: 'q3', label: 'Q3', label_zh: '上四分位数', type: 'number' },
    ],
    rows: p.samples.map((s, j) => ({ group: p.factor.levels[j], n: s.length, median: nullIfNaN(medianR(s)), q1: nullIfNaN(quantile(s, 0.25)), q3: nullIfNaN(quantile(s, 0.75)) })),
  };
  const iqr = p.samples.map((s) => quantile(s, 0.75) - quantile(s, 0.25));
  const ratio = Math.max(iqr[0], iqr[1]) / Math.min(iqr[0], iqr[1]);
  const similar = Number.isFinite(ratio) ? ratio <= 2 : null;
  const assumptions: Assumption[] = [
    {
      name: 'Similar spread in both groups',
      name_zh: '两组离散程度相近',
      statistic: Number.isFinite(ratio) ? ratio : undefined,
      ok: similar,
      message:
        similar === false
          ? `The interquartile ranges differ by a factor of ${fmt(ratio)}: the test then compares whole distributions (whether one group tends to have larger values), not medians, and the Hodges–Lehmann shift is hard to interpret. Report medians with IQRs; consider Welch’s t-test on a transformed scale.`
          : 'The Hodges–Lehmann shift estimates a difference in location when the two distributions have a similar shape and spread; check the box plot.',
      message_zh:
        similar === false
          ? `两组四分位距相差 ${fmt(ratio)} 倍：此时检验比较的是整体分布（一组是否倾向于取更大的值），而非中位数，Hodges–Lehmann 偏移也难以解释。请报告中位数和四分位距；可考虑对变换后的数据使用 Welch t 检验。`
          : '当两组分布形状和离散程度相近时，Hodges–Lehmann 偏移估计的是位置差异；请查看箱线图。',
    },
  ];
  if (x.length < 5 || y.length < 5) {
    warnings.push({
      code: 'small_group',
      message: `A group has fewer than 5 observations; the test has very little power${x.length + y.length < 8 ? ' and a two-sided p-value below 0.05 may be impossible' : ''}.`,
      message_zh: `有一组少于 5 个观测值；检验效能很低${x.length + y.length < 8 ? '，双侧 P 值甚至不可能小于 0.05' : ''}。`,
    });
  }
  const figure = boxFigure({
    id: 'boxplot',
    title: `${p.name} by group`,
    title_zh: `各组 ${p.name} 的箱线图`,
    valueTitle: p.name,
    groups: p.factor.levels.map((name, j) => ({ name, values: p.samples[j] })),
  });
  return { tables: { tidy, groups }, figures: [figure], assumptions, warnings };
}
