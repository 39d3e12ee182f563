import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultTable, ResultWarning } from '$core/results/types';
import { fUpper } from '$core/stats/distributions';
import { mean, nullIfNaN, variance } from '$core/stats/descriptive';
import { asFactor, dropUnusedLevels, splitByLevel, type Factor } from '$core/stats/factor';
import { medianR } from '$core/stats/wilcoxon';
import { boxFigure } from '$core/results/box-figure';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

function prepare(input: RunInput): { name: string; groupName: string; factor: Factor; samples: Float64Array[] } | InputIssue {
  const y = single(input.roles.outcome);
  const g = single(input.roles.group);
  if (!y || !g) return { code: 'missing_role', message: { en: 'Choose an outcome and a group variable.', zh: '请选择结局变量和分组变量。' } };
  if (y.kind !== 'numeric') return { code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } };
  const factor = dropUnusedLevels(asFactor(g), (i) => !Number.isNaN(y.values[i]));
  return { name: y.name, groupName: g.name, factor, samples: splitByLevel(y.values, factor) };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const k = p.factor.levels.length;
  if (k < 2) return [{ code: 'too_few_groups', message: { en: `The group variable “${p.groupName}” has ${k} group(s) with data; at least 2 are needed.`, zh: `分组变量“${p.groupName}”只有 ${k} 个有数据的组；至少需要 2 个。` } }];
  const n = p.samples.reduce((s, v) => s + v.length, 0);
  if (n <= k) return [{ code: 'too_few_rows', message: { en: `${n} observations in ${k} groups leave no residual degrees of freedom; at least one group needs 2 or more observations.`, zh: `${k} 个组共 ${n} 个观测，没有残差自由度；至少一个组需要 2 个以上观测。` } }];
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const center = String(input.options.center ?? 'median');
  const k = p.factor.levels.length;
  // absolute deviations from the group centre, then one-way ANOVA on them (as anova(lm(resp ~ group)))
  const dev = p.samples.map((s) => {
    const c = center === 'mean' ? mean(s) : medianR(s);
    return Float64Array.from(s, (v) => Math.abs(v - c));
  });
  const N = dev.reduce((s, v) => s + v.length, 0);
  const all = new Float64Array(N);
  let o = 0;
  for (const d of dev) {
    all.set(d, o);
    o += d.length;
  }
  const grand = mean(all);
  let ssb = 0;
  let ssw = 0;
  for (const d of dev) {
    const m = mean(d);
    ssb += d.length * (m - grand) * (m - grand);
    for (let i = 0; i < d.length; i++) ssw += (d[i] - m) * (d[i] - m);
  }
  const df1 = k - 1;
  const df2 = N - k;
  const F = ssb / df1 / (ssw / df2);
  const pv = fUpper(F, df1, df2);
  const warnings: ResultWarning[] = [];
  const notes = [`Absolute deviations from the group ${center}s compared by one-way ANOVA (${center === 'median' ? 'Brown–Forsythe' : 'Levene’s original test'}).`];
  const notesZh = [`以各组${center === 'median' ? '中位数' : '均值'}为中心的绝对离差做单因素方差分析（${center === 'median' ? 'Brown–Forsythe 法' : 'Levene 原法'}）。`];
  if (!Number.isFinite(F)) {
    warnings.push({ code: 'constant_data', message: 'The absolute deviations do not vary within groups; the F statistic is undefined.', message_zh: '组内绝对离差没有变异，F 统计量无定义。' });
    notes.push('statistic and p_value are null: no within-group variation of the deviations.');
    notesZh.push('统计量和 P 值为空：离差在组内没有变异。');
  }
  const tidy: ResultTable = {
    title: `Levene’s test (center = ${center})`,
    title_zh: `Levene 检验（中心 = ${center === 'median' ? '中位数' : '均值'}）`,
    columns: [
      { key: 'statistic', label: 'F', label_zh: 'F', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'df_denom', label: 'df (denominator)', label_zh: '分母自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: Number.isFinite(F) ? F : null, df: df1, df_denom: df2, p_value: nullIfNaN(pv), method: `Levene's Test for Homogeneity of Variance (center = ${center})` }],
    notes,
    notes_zh: notesZh,
  };
  const groups: ResultTable = {
    title: `${p.name} by ${p.groupName}`,
    title_zh: `按 ${p.groupName} 分组的 ${p.name}`,
    columns: [
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
    ],
    rows: p.samples.map((s, j) => ({ group: p.factor.levels[j], n: s.length, sd: nullIfNaN(Math.sqrt(variance(s))) })),
  };
  const figure = boxFigure({ id: 'boxplot', title: `${p.name} by group`, title_zh: `各组 ${p.name} 的箱线图`, valueTitle: p.name, groups: p.factor.levels.map((name, j) => ({ name, values: p.samples[j] })) });
  return { tables: { tidy, groups }, figures: [figure], assumptions: [], warnings };
}
