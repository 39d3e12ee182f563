import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import { fUpper } from '$core/stats/distributions';
import { mean, median, nullIfNaN, variance } from '$core/stats/descriptive';
import { fmt } from '$core/stats/format';
import { outcomeByGroup, type GroupedOutcome } from '$core/stats/groups';
import { boxFigure } from '$core/results/box-figure';

type Prepared = GroupedOutcome;
const prepare = outcomeByGroup;

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const k = p.samples.length;
  if (k < 2) {
    return [{
      code: 'too_few_groups',
      message: {
        en: `The group variable “${p.gName}” has ${k} group${k === 1 ? '' : 's'} among the rows with data; ANOVA needs at least 2.`,
        zh: `分组变量“${p.gName}”在有数据的行中只有 ${k} 个组；方差分析至少需要 2 个组。`,
      },
    }];
  }
  const varEqual = Boolean(input.options.var_equal ?? true);
  const issues: InputIssue[] = [];
  const n = p.samples.reduce((s, x) => s + x.length, 0);
  if (varEqual && n - k < 1) {
    issues.push({
      code: 'too_few_rows',
      message: { en: `${n} observations in ${k} groups leave no residual degrees of freedom; ANOVA needs more observations than groups.`, zh: `${k} 个组共 ${n} 个观测值，没有残差自由度；方差分析要求观测数多于组数。` },
    });
  }
  if (!varEqual) {
    p.samples.forEach((s, j) => {
      if (s.length < 2) {
        issues.push({
          code: 'group_too_small',
          message: {
            en: `Group “${p.factor.levels[j]}” has ${s.length} observation of “${p.yName}”; Welch’s ANOVA needs at least 2 in each group to estimate its variance.`,
            zh: `组“${p.factor.levels[j]}”中“${p.yName}”只有 ${s.length} 个观测值；Welch 方差分析要求每组至少 2 个观测值以估计方差。`,
          },
        });
      }
    });
  }
  return issues;
}

export interface OnewayResult {
  ssb: number;
  ssw: number;
  dfb: number;
  dfw: number;
  f: number;
  p: number;
  means: number[];
  ns: number[];
}

/** Classic one-way ANOVA sums of squares (as aov). */
export function onewayClassic(samples: Float64Array[]): OnewayResult {
  const ns = samples.map((s) => s.length);
  const means = samples.map((s) => mean(s));
  const n = ns.reduce((a, b) => a + b, 0);
  let grand = 0;
  samples.forEach((s, j) => (grand += means[j] * s.length));
  grand /= n;
  let ssb = 0;
  let ssw = 0;
  samples.forEach((s, j) => {
    ssb += s.length * (means[j] - grand) ** 2;
    for (let i = 0; i < s.length; i++) ssw += (s[i] - means[j]) ** 2;
  });
  const dfb = samples.length - 1;
  const dfw = n - samples.length;
  const f = ssb / dfb / (ssw / dfw);
  return { ssb, ssw, dfb, dfw, f, p: fUpper(f, dfb, dfw), means, ns };
}

/** Welch's ANOVA (oneway.test, var.equal = FALSE). */
export function onewayWelch(samples: Float64Array[]): { f: number; df: number; dfDenom: number; p: number } {
  const k = samples.length;
  const w = samples.map((s) => s.length / variance(s));
  const m = samples.map((s) => mean(s));
  const sw = w.reduce((a, b) => a + b, 0);
  const mw = w.reduce((a, wi, j) => a + wi * m[j], 0) / sw;
  let tmp = 0;
  samples.forEach((s, j) => (tmp += (1 - w[j] / sw) ** 2 / (s.length - 1)));
  tmp /= k * k - 1;
  const num = w.reduce((a, wi, j) => a + wi * (m[j] - mw) ** 2, 0) / (k - 1);
  const f = num / (1 + 2 * (k - 2) * tmp);
  const dfDenom = 1 / (3 * tmp);
  return { f, df: k - 1, dfDenom, p: fUpper(f, k - 1, dfDenom) };
}

/** Levene's test centred at the median (Brown–Forsythe; car::leveneTest default). */
export function leveneMedian(samples: Float64Array[]): { f: number; df: number; dfDenom: number; p: number } {
  const dev = samples.map((s) => {
    const md = median(s);
    return Float64Array.from(s, (v) => Math.abs(v - md));
  });
  const r = onewayClassic(dev);
  return { f: r.f, df: r.dfb, dfDenom: r.dfw, p: r.p };
}

export function groupsTable(p: GroupedOutcome): ResultTable {
  return {
    title: `${p.yName} by ${p.gName}`,
    title_zh: `按 ${p.gName} 分组的 ${p.yName}`,
    columns: [
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
    ],
    rows: p.samples.map((s, j) => ({ group: p.factor.levels[j], n: s.length, mean: nullIfNaN(mean(s)), sd: nullIfNaN(Math.sqrt(variance(s))) })),
    notes: p.samples.some((s) => s.length < 2) ? ['sd is null for a group with a single observation.'] : [],
    notes_zh: p.samples.some((s) => s.length < 2) ? ['只有 1 个观测值的组，标准差为空。'] : [],
  };
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const varEqual = Boolean(input.options.var_equal ?? true);
  const warnings: ResultWarning[] = [];
  const c = onewayClassic(p.samples);
  const eta2 = c.ssb / (c.ssb + c.ssw);
  const constant = !(c.ssw > 0);
  const notes: string[] = [];
  const notesZh: string[] = [];
  let tidyRow: Record<string, string | number | null>;
  if (varEqual) {
    tidyRow = { term: p.gName, statistic: constant ? null : c.f, df: c.dfb, df_denom: c.dfw, p_value: constant ? null : c.p, eta_squared: nullIfNaN(eta2), method: 'One-way analysis of means' };
  } else {
    const w = onewayWelch(p.samples);
    const ok = Number.isFinite(w.f) && Number.isFinite(w.dfDenom);
    tidyRow = { term: p.gName, statistic: ok ? w.f : null, df: w.df, df_denom: ok ? w.dfDenom : null, p_value: ok ? w.p : null, eta_squared: nullIfNaN(eta2), method: 'One-way analysis of means (not assuming equal variances)' };
  }
  if (constant || tidyRow.statistic === null) {
    warnings.push({
      code: 'constant_data',
      message: `“${p.yName}” does not vary within ${varEqual ? 'the groups' : 'at least one group'}, so the F statistic and p-value are undefined.`,
      message_zh: `“${p.yName}”在${varEqual ? '各组' : '至少一个组'}内没有变异，F 统计量和 P 值无定义。`,
    });
    notes.push('statistic and p_value are null: no variation within groups.');
    notesZh.push('F 值和 P 值为空：组内没有变异。');
  }
  const tidy: ResultTable = {
    title: varEqual ? 'One-way ANOVA' : 'Welch’s one-way ANOVA',
    title_zh: varEqual ? '单因素方差分析' : 'Welch 单因素方差分析',
    columns: [
      { key: 'term', label: 'Factor', label_zh: '因素', type: 'text' },
      { key: 'statistic', label: 'F', label_zh: 'F 值', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'number' },
      { key: 'df_denom', label: 'df (denominator)', label_zh: '分母自由度', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'eta_squared', label: 'η²', label_zh: 'η²', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [tidyRow],
    notes: [...notes, 'η² = between-group sum of squares / total sum of squares (from the classic ANOVA).'],
    notes_zh: [...notesZh, 'η² = 组间平方和 / 总平方和（来自经典方差分析）。'],
  };
  const msw = c.ssw / c.dfw;
  const anova: ResultTable = {
    title: 'Analysis of variance table',
    title_zh: '方差分析表',
    columns: [
      { key: 'term', label: 'Source', label_zh: '变异来源', type: 'text' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'sumsq', label: 'Sum of squares', label_zh: '平方和', type: 'number' },
      { key: 'meansq', label: 'Mean square', label_zh: '均方', type: 'number' },
      { key: 'statistic', label: 'F', label_zh: 'F 值', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
    ],
    rows: [
      { term: p.gName, df: c.dfb, sumsq: c.ssb, meansq: c.ssb / c.dfb, statistic: constant ? null : c.f, p_value: constant ? null : c.p },
      { term: 'Residuals', df: c.dfw, sumsq: c.ssw, meansq: c.dfw > 0 ? msw : null, statistic: null, p_value: null },
    ],
    notes: varEqual ? [] : ['The classic ANOVA table is shown for reference; the test reported is Welch’s.'],
    notes_zh: varEqual ? [] : ['经典方差分析表仅供参考；报告的检验为 Welch 检验。'],
  };
  const assumptions: Assumption[] = [];
  if (p.samples.every((s) => s.length >= 2)) {
    const lv = leveneMedian(p.samples);
    if (Number.isFinite(lv.f)) {
      const differ = lv.p < 0.05;
      assumptions.push({
        name: 'Equal variances (Levene, median-centred)',
        name_zh: '方差齐性（Levene 检验，以中位数为中心）',
        statistic: lv.f,
        p_value: lv.p,
        ok: varEqual ? !differ : true,
        message: varEqual
          ? differ
            ? `The group variances differ (Levene F(${lv.df}, ${lv.dfDenom}) = ${fmt(lv.f)}, p = ${fmt(lv.p, 2)}); the classic F test assumes they are equal. Prefer Welch’s ANOVA (turn off “equal variances”).`
            : `No evidence that the group variances differ (Levene F(${lv.df}, ${lv.dfDenom}) = ${fmt(lv.f)}, p = ${fmt(lv.p, 2)}).`
          : `Welch’s ANOVA does not assume equal variances (Levene F(${lv.df}, ${lv.dfDenom}) = ${fmt(lv.f)}, p = ${fmt(lv.p, 2)}, for information).`,
        message_zh: varEqual
          ? differ
            ? `各组方差不同（Levene F(${lv.df}, ${lv.dfDenom}) = ${fmt(lv.f)}，P = ${fmt(lv.p, 2)}），而经典 F 检验假定方差相等。建议改用 Welch 方差分析（关闭“方差相等”）。`
            : `没有证据表明各组方差不同（Levene F(${lv.df}, ${lv.dfDenom}) = ${fmt(lv.f)}，P = ${fmt(lv.p, 2)}）。`
          : `Welch 方差分析不要求方差相等（Levene F(${lv.df}, ${lv.dfDenom}) = ${fmt(lv.f)}，P = ${fmt(lv.p, 2)}，仅供参考）。`,
      });
    }
  }
  const small = p.samples.map((s, j) => ({ n: s.length, lv: p.factor.levels[j] })).filter((s) => s.n < 30);
  assumptions.push({
    name: 'Normality within groups',
    name_zh: '组内正态性',
    ok: small.length ? null : true,
    message: small.length
      ? `${small.length} group(s) have n < 30 (${small.map((s) => `${s.lv}: ${s.n}`).join(', ')}): ANOVA relies on the outcome being roughly normal within groups. Check the box plot for strong skewness or outliers; if in doubt, use the Kruskal–Wallis test.`
      : 'All groups have n ≥ 30: the F test is robust to moderate non-normality at this size.',
    message_zh: small.length
      ? `有 ${small.length} 个组的例数小于 30（${small.map((s) => `${s.lv}：${s.n}`).join('，')}）：方差分析要求各组结局大致服从正态分布。请查看箱线图是否有明显偏态或离群值；如有疑问，可改用 Kruskal–Wallis 检验。`
      : '所有组的例数均 ≥ 30：在此样本量下 F 检验对中度偏离正态较为稳健。',
  });
  const fig = boxFigure({ id: 'boxplot', title: `${p.yName} by ${p.gName}`, title_zh: `各组 ${p.yName} 的箱线图`, valueTitle: p.yName, groups: p.factor.levels.map((name, j) => ({ name, values: p.samples[j] })) });
  return { tables: { tidy, anova, groups: groupsTable(p) }, figures: [fig], assumptions, warnings };
}
