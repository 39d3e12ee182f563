import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { mean, nullIfNaN, variance } from '$core/stats/descriptive';
import { ptukey, qtukey } from '$core/stats/ptukey';
import { outcomeByGroup, type GroupedOutcome } from '$core/stats/groups';

type Prepared = GroupedOutcome;
const prepare = outcomeByGroup;

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const k = p.samples.length;
  if (k < 2) {
    return [{ code: 'too_few_groups', message: { en: `The group variable “${p.gName}” has ${k} group${k === 1 ? '' : 's'} among the rows with data; pairwise comparisons need at least 2.`, zh: `分组变量“${p.gName}”在有数据的行中只有 ${k} 个组；两两比较至少需要 2 个组。` } }];
  }
  const n = p.samples.reduce((s, x) => s + x.length, 0);
  if (n - k < 2) {
    return [{ code: 'too_few_rows', message: { en: `${n} observations in ${k} groups leave ${n - k} residual degrees of freedom; Tukey’s HSD needs at least 2.`, zh: `${k} 个组共 ${n} 个观测值，残差自由度为 ${n - k}；Tukey HSD 至少需要 2 个残差自由度。` } }];
  }
  return [];
}

export interface TukeyRow {
  contrast: string;
  estimate: number;
  std_error: number;
  statistic: number;
  conf_low: number;
  conf_high: number;
  p_adjusted: number;
}

/** TukeyHSD for a one-way layout: all pairs (later level − earlier level), in R's order. */
export function tukeyHSD(samples: Float64Array[], levels: string[], confLevel: number): { rows: TukeyRow[]; mse: number; df: number } {
  const k = samples.length;
  const ns = samples.map((s) => s.length);
  const means = samples.map((s) => mean(s));
  let ssw = 0;
  samples.forEach((s, j) => {
    for (let i = 0; i < s.length; i++) ssw += (s[i] - means[j]) ** 2;
  });
  const df = ns.reduce((a, b) => a + b, 0) - k;
  const mse = ssw / df;
  const qcrit = qtukey(confLevel, k, df);
  const rows: TukeyRow[] = [];
  for (let i = 0; i < k - 1; i++)
    for (let j = i + 1; j < k; j++) {
      const est = means[j] - means[i];
      const half = Math.sqrt((mse / 2) * (1 / ns[i] + 1 / ns[j])); // TukeyHSD's scale: SE(difference) / sqrt(2)
      const q = est / half;
      const w = qcrit * half;
      rows.push({ contrast: `${levels[j]}-${levels[i]}`, estimate: est, std_error: half * Math.SQRT2, statistic: q, conf_low: est - w, conf_high: est + w, p_adjusted: ptukey(Math.abs(q), k, df, 1, false) });
    }
  return { rows, mse, df };
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const conf = Number(input.options.conf_level ?? 0.95);
  const pct = Math.round(conf * 1000) / 10;
  const t = tukeyHSD(p.samples, p.factor.levels, conf);
  const warnings: ResultWarning[] = [];
  const constant = !(t.mse > 0);
  if (constant) {
    warnings.push({ code: 'constant_data', message: `“${p.yName}” does not vary within the groups; standard errors are zero and intervals and p-values are undefined.`, message_zh: `“${p.yName}”在组内没有变异；标准误为零，置信区间和 P 值无定义。` });
  }
  const posthoc: ResultTable = {
    title: `Tukey HSD: ${p.yName} by ${p.gName}`,
    title_zh: `Tukey HSD：按 ${p.gName} 比较 ${p.yName}`,
    columns: [
      { key: 'contrast', label: 'Contrast', label_zh: '比较', type: 'text' },
      { key: 'estimate', label: 'Difference', label_zh: '均值差', type: 'number' },
      { key: 'std_error', label: 'Std. error', label_zh: '标准误', type: 'number' },
      { key: 'conf_low', label: `${pct}% CI low`, label_zh: `${pct}% 置信区间下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct}% CI high`, label_zh: `${pct}% 置信区间上限`, type: 'ci' },
      { key: 'statistic', label: 'q (studentized range)', label_zh: 'q（学生化极差）', type: 'number' },
      { key: 'p_adjusted', label: 'Adjusted p', label_zh: '校正 P 值', type: 'p_value' },
    ],
    rows: t.rows.map((r) => (constant ? { ...r, std_error: 0, statistic: null, conf_low: null, conf_high: null, p_adjusted: null } : { ...r })),
    notes: [
      'Contrast “B-A” is mean(B) − mean(A), as R’s TukeyHSD. std_error is the standard error of the difference, sqrt(MSE · (1/nA + 1/nB)); statistic is the studentized range q = difference / sqrt(MSE/2 · (1/nA + 1/nB)), referred to the studentized range distribution.',
      'Adjusted p-values are computed as 1 − P(Q < q) as in R, so values below ~1e-14 are reported as 0.',
      ...(constant ? ['Intervals and p-values are null: no variation within groups.'] : []),
    ],
    notes_zh: [
      '比较“B-A”表示 B 组均值 − A 组均值，与 R 的 TukeyHSD 相同。标准误为差值的标准误 sqrt(MSE · (1/nA + 1/nB))；统计量为学生化极差 q = 差值 / sqrt(MSE/2 · (1/nA + 1/nB))，参照学生化极差分布。',
      '与 R 相同，校正 P 值按 1 − P(Q < q) 计算，因此小于约 1e-14 的值显示为 0。',
      ...(constant ? ['置信区间和 P 值为空：组内没有变异。'] : []),
    ],
  };
  const groups: ResultTable = {
    title: `${p.yName} by ${p.gName}`,
    title_zh: `按 ${p.gName} 分组的 ${p.yName}`,
    columns: [
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
    ],
    rows: p.samples.map((s, j) => ({ group: p.factor.levels[j], n: s.length, mean: mean(s), sd: nullIfNaN(Math.sqrt(variance(s))) })),
  };
  const ns = p.samples.map((s) => s.length);
  const assumptions: Assumption[] = [
    {
      name: 'Equal variances and normality',
      name_zh: '方差齐性与正态性',
      ok: null,
      message: `Tukey’s HSD uses one pooled variance for all groups (as the classic ANOVA) and assumes roughly normal outcomes within groups${Math.min(...ns) < 30 ? ' (some groups have n < 30)' : ''}. If the variances clearly differ, use Games–Howell comparisons; for skewed data, pairwise Wilcoxon tests with a p-value adjustment.`,
      message_zh: `Tukey HSD 对所有组使用同一个合并方差（与经典方差分析相同），并假定各组结局大致服从正态分布${Math.min(...ns) < 30 ? '（部分组例数 < 30）' : ''}。若各组方差明显不同，请使用 Games–Howell 比较；数据偏态时，可用两两 Wilcoxon 检验并校正 P 值。`,
    },
  ];
  return { tables: { posthoc, groups }, figures: constant ? [] : [ciFigure(posthoc, p, pct)], assumptions, warnings };
}

function ciFigure(t: ResultTable, p: Prepared, pct: number): ResultFigure {
  const values = t.rows.map((r) => ({ contrast: r.contrast, estimate: r.estimate, conf_low: r.conf_low, conf_high: r.conf_high, p_adjusted: r.p_adjusted }));
  const order = values.map((v) => v.contrast);
  return {
    id: 'tukey_ci',
    title: `Differences in mean ${p.yName} with ${pct}% family-wise intervals`,
    title_zh: `${p.yName} 均值差及 ${pct}% 族系置信区间`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 'container',
      height: Math.max(120, 28 * values.length),
      data: { values },
      layer: [
        { mark: { type: 'rule' }, encoding: { y: { field: 'contrast', type: 'nominal', sort: order, title: null }, x: { field: 'conf_low', type: 'quantitative', title: `Difference in mean ${p.yName}` }, x2: { field: 'conf_high' } } },
        { mark: { type: 'point', filled: true }, encoding: { y: { field: 'contrast', type: 'nominal', sort: order }, x: { field: 'estimate', type: 'quantitative' }, tooltip: [{ field: 'contrast' }, { field: 'estimate', format: '.4~g' }, { field: 'conf_low', format: '.4~g' }, { field: 'conf_high', format: '.4~g' }, { field: 'p_adjusted', format: '.3~g' }] } },
        { data: { values: [{ x: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      ],
    },
  };
}
