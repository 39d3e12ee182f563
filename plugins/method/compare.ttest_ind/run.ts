import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { tTest2, varTest } from '$core/stats/ttest';
import { mean, variance, nullIfNaN } from '$core/stats/descriptive';
import { asFactor, dropUnusedLevels, splitByLevel, type Factor } from '$core/stats/factor';
import { fmt } from '$core/stats/format';
import { boxFigure } from '$core/results/box-figure';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

interface Prepared {
  y: ColumnData & { kind: 'numeric' };
  factor: Factor;
  samples: Float64Array[];
}

function prepare(input: RunInput): Prepared | InputIssue {
  const y = single(input.roles.outcome);
  const g = single(input.roles.group);
  if (!y || !g) {
    return {
      code: 'missing_role',
      message: { en: 'Choose an outcome and a group variable.', zh: '请选择结局变量和分组变量。' },
    };
  }
  if (y.kind !== 'numeric') {
    return {
      code: 'outcome_not_numeric',
      message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` },
    };
  }
  const values = y.values;
  const factor = dropUnusedLevels(asFactor(g), (i) => !Number.isNaN(values[i]));
  return { y, factor, samples: splitByLevel(values, factor) };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const issues: InputIssue[] = [];
  const k = p.factor.levels.length;
  const g = single(input.roles.group)!;
  if (k !== 2) {
    issues.push({
      code: 'group_not_two_levels',
      message: {
        en: `The group variable “${g.name}” must have exactly 2 groups among the rows with data, but it has ${k}${k ? ` (${p.factor.levels.slice(0, 5).join(', ')}${k > 5 ? ', …' : ''})` : ''}. Use a filter to keep two groups, or use one-way ANOVA for more than two.`,
        zh: `分组变量“${g.name}”在有数据的行中必须恰好有 2 个组，但现在有 ${k} 个${k ? `（${p.factor.levels.slice(0, 5).join('、')}${k > 5 ? '、…' : ''}）` : ''}。请用筛选条件只保留两个组；多于两组请使用单因素方差分析。`,
      },
    });
    return issues;
  }
  p.samples.forEach((s, j) => {
    if (s.length < 2) {
      issues.push({
        code: 'group_too_small',
        message: {
          en: `Group “${p.factor.levels[j]}” has ${s.length} observation${s.length === 1 ? '' : 's'} of “${p.y.name}”; a t-test needs at least 2 in each group to estimate its variance.`,
          zh: `组“${p.factor.levels[j]}”中“${p.y.name}”只有 ${s.length} 个观测值；t 检验要求每组至少 2 个观测值才能估计方差。`,
        },
      });
    }
  });
  return issues;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const o = input.options;
  const varEqual = Boolean(o.var_equal ?? false);
  const alternative = String(o.alternative ?? 'two.sided') as Alternative;
  const confLevel = Number(o.conf_level ?? 0.95);
  const mu = Number(o.mu ?? 0);
  const [x, y] = p.samples;
  const [l1, l2] = p.factor.levels;
  const r = tTest2(x, y, varEqual, alternative, confLevel, mu);
  const pct = `${Math.round(confLevel * 1000) / 10}%`;

  const notes: string[] = [];
  const notesZh: string[] = [];
  const warnings: ResultWarning[] = [];
  if (r.statistic === null) {
    warnings.push({
      code: 'constant_data',
      message: `The outcome “${p.y.name}” is (essentially) constant within both groups, so the standard error is zero and the t statistic, p-value and confidence interval are undefined.`,
      message_zh: `结局变量“${p.y.name}”在两组内（几乎）都是常数，标准误为零，t 统计量、P 值和置信区间无定义。`,
    });
    notes.push('statistic, p_value and the confidence interval are null: the data are essentially constant (standard error 0).');
    notesZh.push('t 值、P 值和置信区间为空：数据（几乎）为常数，标准误为 0。');
  }
  if (alternative === 'less') {
    notes.push('conf_low is null: a one-sided (less) interval has no lower bound (−∞).');
    notesZh.push('置信区间下限为空：单侧（左侧）区间没有下限（−∞）。');
  }
  if (alternative === 'greater') {
    notes.push('conf_high is null: a one-sided (greater) interval has no upper bound (+∞).');
    notesZh.push('置信区间上限为空：单侧（右侧）区间没有上限（+∞）。');
  }
  notes.push(`estimate = mean(${l1}) − mean(${l2}); ${pct} confidence interval; null hypothesis: difference = ${mu}.`);
  notesZh.push(`估计值 = 均值(${l1}) − 均值(${l2})；${pct} 置信区间；原假设：差值 = ${mu}。`);

  const tidy: ResultTable = {
    title: r.method,
    title_zh: varEqual ? '两样本 t 检验（方差齐）' : 'Welch 两样本 t 检验',
    columns: [
      { key: 'estimate', label: 'Difference', label_zh: '均值差', type: 'number' },
      { key: 'estimate1', label: `Mean (${l1})`, label_zh: `均值（${l1}）`, type: 'number' },
      { key: 'estimate2', label: `Mean (${l2})`, label_zh: `均值（${l2}）`, type: 'number' },
      { key: 'statistic', label: 't', label_zh: 't', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
      { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
    ],
    rows: [
      {
        estimate: r.estimate,
        estimate1: r.estimate1,
        estimate2: r.estimate2,
        statistic: r.statistic,
        p_value: r.p_value,
        df: r.df,
        conf_low: r.conf_low,
        conf_high: r.conf_high,
        method: r.method,
        alternative: r.alternative,
      },
    ],
    notes,
    notes_zh: notesZh,
  };

  const groups: ResultTable = {
    title: `${p.y.name} by ${single(input.roles.group)!.name}`,
    title_zh: `按 ${single(input.roles.group)!.name} 分组的 ${p.y.name}`,
    columns: [
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
      { key: 'se_mean', label: 'SE of mean', label_zh: '均值标准误', type: 'number' },
    ],
    rows: p.samples.map((s, j) => {
      const sdv = Math.sqrt(variance(s));
      return { group: p.factor.levels[j], n: s.length, mean: nullIfNaN(mean(s)), sd: nullIfNaN(sdv), se_mean: nullIfNaN(sdv / Math.sqrt(s.length)) };
    }),
  };

  const assumptions: Assumption[] = p.samples.map((s, j) => {
    const lv = p.factor.levels[j];
    const small = s.length < 30;
    return {
      name: `Normality (${lv})`,
      name_zh: `正态性（${lv}）`,
      ok: small ? null : true,
      message: small
        ? `Group “${lv}” has n = ${s.length} (< 30): the t-test relies on the outcome being roughly normal in this group. Check the box plot for strong skewness or outliers; if in doubt, use the Wilcoxon rank-sum test.`
        : `Group “${lv}” has n = ${s.length} (≥ 30): the t-test is robust to moderate non-normality at this size.`,
      message_zh: small
        ? `组“${lv}”的例数为 ${s.length}（< 30）：t 检验要求该组结局大致服从正态分布。请查看箱线图是否有明显偏态或离群值；如有疑问，可改用 Wilcoxon 秩和检验。`
        : `组“${lv}”的例数为 ${s.length}（≥ 30）：在此样本量下 t 检验对中度偏离正态较为稳健。`,
    };
  });
  const vt = varTest(x, y);
  if (vt) {
    const differ = vt.p_value < 0.05;
    assumptions.push({
      name: 'Equal variances (F test)',
      name_zh: '方差齐性（F 检验）',
      statistic: vt.statistic,
      p_value: vt.p_value,
      ok: varEqual ? !differ : true,
      message: varEqual
        ? differ
          ? `The variances differ (F = ${fmt(vt.statistic)}, p = ${fmt(vt.p_value, 2)}); Student’s test assumes they are equal. Prefer Welch’s test (turn off “equal variances”).`
          : `No evidence that the variances differ (F = ${fmt(vt.statistic)}, p = ${fmt(vt.p_value, 2)}), as Student’s test assumes. Welch’s test remains a safe default.`
        : `Welch’s test does not assume equal variances (F = ${fmt(vt.statistic)}, p = ${fmt(vt.p_value, 2)}, shown for information).`,
      message_zh: varEqual
        ? differ
          ? `两组方差不同（F = ${fmt(vt.statistic)}，P = ${fmt(vt.p_value, 2)}），而 Student 检验假定方差相等。建议改用 Welch 检验（关闭“方差相等”）。`
          : `没有证据表明两组方差不同（F = ${fmt(vt.statistic)}，P = ${fmt(vt.p_value, 2)}），符合 Student 检验的假定；Welch 检验仍是稳妥的默认选择。`
        : `Welch 检验不要求方差相等（F = ${fmt(vt.statistic)}，P = ${fmt(vt.p_value, 2)}，仅供参考）。`,
    });
  }

  for (let j = 0; j < 2; j++) {
    if (p.samples[j].length < 5) {
      warnings.push({
        code: 'small_group',
        message: `Group “${p.factor.levels[j]}” has only ${p.samples[j].length} observations; the test has little power and relies heavily on normality.`,
        message_zh: `组“${p.factor.levels[j]}”只有 ${p.samples[j].length} 个观测值；检验效能很低，且高度依赖正态性假定。`,
      });
    }
  }

  return { tables: { tidy, groups }, figures: [groupsFigure(p)], assumptions, warnings };
}

function groupsFigure(p: Prepared): ResultFigure {
  return boxFigure({
    id: 'boxplot',
    title: `${p.y.name} by group`,
    title_zh: `各组 ${p.y.name} 的箱线图`,
    valueTitle: p.y.name,
    groups: p.factor.levels.map((name, j) => ({ name, values: p.samples[j] })),
  });
}
