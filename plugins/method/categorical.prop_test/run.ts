import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import { chisqUpper, normalCdf, normalQuantile, normalUpper, type Alternative } from '$core/stats/distributions';
import { crossTab, factorOf, single, successIndex, weightProblem, weightsOf } from '$core/stats/contingency';
import type { Factor } from '$core/stats/factor';
import { fmt } from '$core/stats/format';

interface Prepared {
  outcome: string;
  group: string | null;
  success: string;
  groups: string[];
  x: number[];
  n: number[];
}

function prepare(input: RunInput): Prepared | InputIssue {
  const y = single(input.roles.row);
  if (!y) return { code: 'missing_role', message: { en: 'Choose a binary outcome.', zh: '请选择二分类结局变量。' } };
  const g = single(input.roles.column);
  const w = single(input.roles.weight);
  const wp = weightProblem(w, false);
  if (wp) return { code: 'bad_weight', message: wp };
  const f = factorOf(y);
  const s = successIndex(f.levels, String(input.options.success ?? ''), y.name);
  if (s.issue) return { code: 'bad_success', message: s.issue };
  const gf: Factor = g ? factorOf(g) : { levels: ['all'], codes: new Int32Array(f.codes.length) };
  const tab = crossTab(gf, f, w ? weightsOf(w, f.codes.length) : undefined);
  return {
    outcome: y.name,
    group: g ? g.name : null,
    success: f.levels[s.index],
    groups: gf.levels,
    x: tab.counts.map((row) => row[s.index]),
    n: tab.rowTotals,
  };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const issues: InputIssue[] = [];
  p.n.forEach((n, i) => {
    if (!(n > 0))
      issues.push({
        code: 'empty_group',
        message: { en: `Group “${p.groups[i]}” has no observations.`, zh: `组“${p.groups[i]}”没有观测值。` },
      });
  });
  if (p.group && p.groups.length < 2)
    issues.push({
      code: 'one_group',
      message: {
        en: `The group variable “${p.group}” has only one group among the rows with data; leave it empty for a one-sample test.`,
        zh: `分组变量“${p.group}”在有数据的行中只有一个组；单样本检验请不选分组变量。`,
      },
    });
  if (p.groups.length > 2 && String(input.options.alternative ?? 'two.sided') !== 'two.sided')
    issues.push({
      code: 'one_sided_k',
      message: { en: 'With more than two groups only the two-sided test is available (as in R).', zh: '多于两组时只能进行双侧检验（与 R 相同）。' },
    });
  return issues;
}

export interface PropTestResult {
  statistic: number;
  df: number;
  p_value: number;
  estimate: number | null;
  estimate1: number | null;
  estimate2: number | null;
  conf_low: number | null;
  conf_high: number | null;
  method: string;
  expectedMin: number;
}

/** R's prop.test(x, n, p, alternative, conf.level, correct); `p` is used only for one sample. */
export function propTest(x: number[], n: number[], p0: number, alternative: Alternative, conf: number, correct: boolean): PropTestResult {
  const k = x.length;
  const est = x.map((v, i) => v / n[i]);
  let yates = correct && k <= 2 ? 0.5 : 0;
  let lo: number | null = null;
  let hi: number | null = null;
  let delta = 0;
  if (k === 1) {
    const z = normalQuantile(alternative === 'two.sided' ? (1 + conf) / 2 : conf);
    yates = Math.min(yates, Math.abs(x[0] - n[0] * p0));
    const z22n = (z * z) / (2 * n[0]);
    let pc = est[0] + yates / n[0];
    const pu = pc >= 1 ? 1 : (pc + z22n + z * Math.sqrt((pc * (1 - pc)) / n[0] + z22n / (2 * n[0]))) / (1 + 2 * z22n);
    pc = est[0] - yates / n[0];
    const pl = pc <= 0 ? 0 : (pc + z22n - z * Math.sqrt((pc * (1 - pc)) / n[0] + z22n / (2 * n[0]))) / (1 + 2 * z22n);
    lo = alternative === 'less' ? 0 : Math.max(pl, 0);
    hi = alternative === 'greater' ? 1 : Math.min(pu, 1);
  } else if (k === 2) {
    delta = est[0] - est[1];
    const sinv = 1 / n[0] + 1 / n[1];
    yates = Math.min(yates, Math.abs(delta) / sinv);
    const z = normalQuantile(alternative === 'two.sided' ? (1 + conf) / 2 : conf);
    const width = z * Math.sqrt((est[0] * (1 - est[0])) / n[0] + (est[1] * (1 - est[1])) / n[1]) + yates * sinv;
    lo = alternative === 'less' ? -1 : Math.max(delta - width, -1);
    hi = alternative === 'greater' ? 1 : Math.min(delta + width, 1);
  }
  const method =
    (k === 1 ? '1-sample proportions test' : `${k}-sample test for equality of proportions`) + (yates ? ' with continuity correction' : ' without continuity correction');
  const pp = k === 1 ? p0 : x.reduce((a, b) => a + b, 0) / n.reduce((a, b) => a + b, 0);
  const df = k === 1 ? 1 : k - 1;
  let stat = 0;
  let emin = Infinity;
  for (let i = 0; i < k; i++) {
    const e1 = n[i] * pp;
    const e2 = n[i] * (1 - pp);
    emin = Math.min(emin, e1, e2);
    stat += (Math.abs(x[i] - e1) - yates) ** 2 / e1 + (Math.abs(n[i] - x[i] - e2) - yates) ** 2 / e2;
  }
  let pv: number;
  if (alternative === 'two.sided') pv = chisqUpper(stat, df);
  else {
    const z = Math.sign(k === 1 ? est[0] - p0 : delta) * Math.sqrt(stat);
    pv = alternative === 'less' ? normalCdf(z) : normalUpper(z);
  }
  return {
    statistic: stat,
    df,
    p_value: pv,
    estimate: k === 1 ? est[0] : k === 2 ? delta : null,
    estimate1: k === 2 ? est[0] : null,
    estimate2: k === 2 ? est[1] : null,
    conf_low: lo,
    conf_high: hi,
    method,
    expectedMin: emin,
  };
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const o = input.options;
  const alternative = String(o.alternative ?? 'two.sided') as Alternative;
  const conf = Number(o.conf_level ?? 0.95);
  const p0 = Number(o.p ?? 0.5);
  const k = p.x.length;
  const r = propTest(p.x, p.n, p0, alternative, conf, Boolean(o.correct ?? true));
  const pct = `${Math.round(conf * 1000) / 10}%`;
  const notes: string[] = [`Success = ${p.outcome} “${p.success}”.`];
  const notesZh: string[] = [`成功 = ${p.outcome}“${p.success}”。`];
  if (k === 1) {
    notes.push(`Null hypothesis: proportion = ${p0}; Wilson score ${pct} interval${r.method.includes('with continuity') ? ' with continuity correction' : ''}.`);
    notesZh.push(`原假设：比例 = ${p0}；Wilson 得分 ${pct} 置信区间${r.method.includes('with continuity') ? '（连续性校正）' : ''}。`);
  } else if (k === 2) {
    notes.push(`estimate = proportion(${p.groups[0]}) − proportion(${p.groups[1]}), with its ${pct} (Wald) interval as R.`);
    notesZh.push(`估计值 = 比例(${p.groups[0]}) − 比例(${p.groups[1]})，及其 ${pct}（Wald）置信区间（与 R 相同）。`);
  } else {
    notes.push('With more than two groups R reports no estimate or interval: the estimate and interval are null. See the groups table for each proportion.');
    notesZh.push('多于两组时 R 不报告估计值和置信区间，故为空；各组比例见分组表。');
  }
  const columns: ResultTable['columns'] = [
    { key: 'estimate', label: k === 1 ? 'Proportion' : 'Difference', label_zh: k === 1 ? '比例' : '率差', type: 'number' },
  ];
  if (k === 2)
    columns.push(
      { key: 'estimate1', label: `Proportion (${p.groups[0]})`, label_zh: `比例（${p.groups[0]}）`, type: 'number' },
      { key: 'estimate2', label: `Proportion (${p.groups[1]})`, label_zh: `比例（${p.groups[1]}）`, type: 'number' },
    );
  columns.push(
    { key: 'statistic', label: 'X²', label_zh: 'X²', type: 'number' },
    { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
    { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
    { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
    { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
    { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
  );
  const tidy: ResultTable = {
    title: r.method,
    title_zh: k === 1 ? '单样本率检验' : `${k} 组率的比较`,
    columns,
    rows: [{ estimate: r.estimate, estimate1: r.estimate1, estimate2: r.estimate2, statistic: r.statistic, df: r.df, p_value: r.p_value, conf_low: r.conf_low, conf_high: r.conf_high, method: r.method, alternative }],
    notes,
    notes_zh: notesZh,
  };
  const groups: ResultTable = {
    title: `Proportion of ${p.outcome} = “${p.success}”`,
    title_zh: `${p.outcome} = “${p.success}” 的比例`,
    columns: [
      { key: 'group', label: p.group ?? 'Group', label_zh: p.group ?? '组', type: 'text' },
      { key: 'x', label: 'Successes', label_zh: '成功数', type: 'number' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'number' },
      { key: 'estimate', label: 'Proportion', label_zh: '比例', type: 'percent' },
    ],
    rows: p.groups.map((g, i) => ({ group: g, x: p.x[i], n: p.n[i], estimate: p.x[i] / p.n[i] })),
  };
  const warnings: ResultWarning[] = [];
  const ok = r.expectedMin >= 5;
  if (!ok)
    warnings.push({ code: 'small_expected', message: 'Chi-squared approximation may be incorrect (an expected count is below 5), as R warns.', message_zh: '卡方近似可能不准确（有期望频数 < 5），R 也会给出此警告。' });
  const assumptions: Assumption[] = [
    {
      name: 'Expected counts ≥ 5',
      name_zh: '期望频数 ≥ 5',
      statistic: r.expectedMin,
      ok,
      message: ok
        ? `The smallest expected count is ${fmt(r.expectedMin)}; the normal/chi-square approximation is adequate.`
        : `The smallest expected count is ${fmt(r.expectedMin)} (< 5): the approximation may be poor. Use ${k === 1 ? 'the exact binomial test (categorical.binomial_test)' : 'Fisher’s exact test (categorical.fisher_exact)'} instead.`,
      message_zh: ok
        ? `最小期望频数为 ${fmt(r.expectedMin)}，正态/卡方近似可用。`
        : `最小期望频数为 ${fmt(r.expectedMin)}（< 5），近似可能不佳。请改用${k === 1 ? '二项分布精确检验（categorical.binomial_test）' : 'Fisher 精确检验（categorical.fisher_exact）'}。`,
    },
  ];
  return { tables: { tidy, groups }, figures: [], assumptions, warnings };
}
