import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable } from '$core/results/types';
import { crossTab, factorOf, parseNumberList, single, successIndex, weightProblem, weightsOf } from '$core/stats/contingency';
import { propTrendTest } from '$core/stats/trend';
import { fmt } from '$core/stats/format';

interface Prepared {
  outcome: string;
  group: string;
  success: string;
  groups: string[];
  x: number[];
  n: number[];
  scores: number[];
}

function prepare(input: RunInput): Prepared | InputIssue {
  const y = single(input.roles.row);
  const g = single(input.roles.column);
  if (!y || !g) return { code: 'missing_role', message: { en: 'Choose a binary outcome and an ordered group variable.', zh: '请选择二分类结局和有序分组变量。' } };
  const w = single(input.roles.weight);
  const wp = weightProblem(w, false);
  if (wp) return { code: 'bad_weight', message: wp };
  const f = factorOf(y);
  const s = successIndex(f.levels, String(input.options.success ?? ''), y.name);
  if (s.issue) return { code: 'bad_success', message: s.issue };
  const gf = factorOf(g);
  const tab = crossTab(gf, f, w ? weightsOf(w, f.codes.length) : undefined);
  // groups whose rows all have weight 0 are not part of the table (as R's tapply then n > 0)
  const keep = tab.rowTotals.map((v) => v > 0);
  const groups = gf.levels.filter((_, i) => keep[i]);
  const x = tab.counts.filter((_, i) => keep[i]).map((row) => row[s.index]);
  const n = tab.rowTotals.filter((_, i) => keep[i]);
  const k = groups.length;
  if (k < 2)
    return {
      code: 'too_few_groups',
      message: {
        en: `“${g.name}” has ${k} group${k === 1 ? '' : 's'} with data; a trend test needs at least 2 (usually 3 or more) ordered groups.`,
        zh: `“${g.name}”只有 ${k} 个有数据的组；趋势检验至少需要 2 个（通常 3 个以上）有序分组。`,
      },
    };
  const str = String(input.options.scores ?? '').trim();
  let scores: number[];
  if (str === '') scores = groups.map((_, i) => i + 1);
  else {
    const parsed = parseNumberList(str);
    if (!parsed) return { code: 'bad_scores', message: { en: `The scores “${str}” are not a comma-separated list of numbers.`, zh: `评分“${str}”不是以逗号分隔的数字列表。` } };
    if (parsed.length !== k)
      return {
        code: 'bad_scores',
        message: {
          en: `${parsed.length} score${parsed.length === 1 ? ' was' : 's were'} given but “${g.name}” has ${k} groups with data (${groups.join(', ')}); give one per group in this order.`,
          zh: `给出了 ${parsed.length} 个评分，但“${g.name}”有 ${k} 个有数据的组（${groups.join('、')}）；请按此顺序为每组给出一个评分。`,
        },
      };
    scores = parsed;
  }
  if (scores.every((v) => v === scores[0]))
    return { code: 'bad_scores', message: { en: 'All scores are equal, so there is no trend to test.', zh: '所有评分相等，无趋势可检验。' } };
  const sx = x.reduce((a, b) => a + b, 0);
  const sn = n.reduce((a, b) => a + b, 0);
  if (!(sx > 0 && sx < sn))
    return {
      code: 'constant_outcome',
      message: {
        en: `Every observation has ${y.name} ${sx > 0 ? '=' : '≠'} “${f.levels[s.index]}”; with a pooled proportion of ${sx > 0 ? 1 : 0} the trend statistic is undefined (R gives NaN).`,
        zh: `所有观测的 ${y.name} 均${sx > 0 ? '为' : '不为'}“${f.levels[s.index]}”；合并比例为 ${sx > 0 ? 1 : 0} 时趋势统计量无定义（R 给出 NaN）。`,
      },
    };
  return { outcome: y.name, group: g.name, success: f.levels[s.index], groups, x, n, scores };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  return 'code' in p ? [p] : [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const res = propTrendTest(p.x, p.n, p.scores);
  const N = p.n.reduce((a, b) => a + b, 0);
  const method = 'Chi-squared Test for Trend in Proportions';
  const tidy: ResultTable = {
    title: method,
    title_zh: '率的趋势卡方检验（Cochran–Armitage）',
    columns: [
      { key: 'statistic', label: 'X²', label_zh: 'X²', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'estimate', label: 'Slope (proportion per score unit)', label_zh: '斜率（每单位评分的比例变化）', type: 'number' },
      { key: 'n', label: 'N', label_zh: '总例数', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: res.statistic, df: res.df, p_value: res.p_value, estimate: res.estimate, n: N, method }],
    notes: [
      `Proportion of ${p.outcome} = “${p.success}” across ${p.group} with scores ${p.scores.join(', ')}. The slope is that of the weighted least-squares line of the proportion on the score (weights n / (p̄(1 − p̄))), whose regression sum of squares is X².`,
    ],
    notes_zh: [`${p.outcome} =“${p.success}”的比例随 ${p.group} 的变化，评分为 ${p.scores.join('、')}。斜率为比例对评分的加权最小二乘回归斜率（权重 n / (p̄(1 − p̄))），其回归平方和即 X²。`],
  };
  const groups: ResultTable = {
    title: `Proportion of ${p.outcome} = “${p.success}” by ${p.group}`,
    title_zh: `${p.group} 各组 ${p.outcome} =“${p.success}”的比例`,
    columns: [
      { key: 'group', label: p.group, label_zh: p.group, type: 'text' },
      { key: 'score', label: 'Score', label_zh: '评分', type: 'number' },
      { key: 'x', label: `“${p.success}”`, label_zh: `“${p.success}”例数`, type: 'number' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'number' },
      { key: 'proportion', label: 'Proportion', label_zh: '比例', type: 'percent' },
    ],
    rows: p.groups.map((g, i) => ({ group: g, score: p.scores[i], x: p.x[i], n: p.n[i], proportion: p.x[i] / p.n[i] })),
  };
  // departure from linearity: Pearson X² of the k × 2 table minus the trend X² (df k − 2)
  const k = p.groups.length;
  const pbar = p.x.reduce((a, b) => a + b, 0) / N;
  let total = 0;
  let minE = Infinity;
  for (let i = 0; i < k; i++) {
    const e = p.n[i] * pbar;
    total += (p.x[i] - e) ** 2 / (p.n[i] * pbar * (1 - pbar));
    minE = Math.min(minE, e, p.n[i] - e);
  }
  const assumptions: Assumption[] = [
    {
      name: 'Expected counts ≥ 5',
      name_zh: '期望频数 ≥ 5',
      statistic: minE,
      ok: minE >= 5,
      message:
        minE >= 5
          ? `The smallest expected count is ${fmt(minE)}; the chi-square approximation is adequate.`
          : `The smallest expected count is ${fmt(minE)} (< 5): the chi-square approximation may be rough. Consider an exact trend test (e.g. exact Cochran–Armitage in StatXact or coin::independence_test with distribution = "exact"), or merge sparse groups.`,
      message_zh:
        minE >= 5
          ? `最小期望频数为 ${fmt(minE)}，卡方近似可用。`
          : `最小期望频数为 ${fmt(minE)}（< 5）：卡方近似可能较粗糙。可考虑精确趋势检验（如 coin::independence_test(distribution = "exact")），或合并稀疏组。`,
    },
  ];
  if (k > 2) {
    const dev = Math.max(0, total - res.statistic);
    assumptions.push({
      name: 'Departure from a linear trend',
      name_zh: '偏离线性趋势',
      statistic: dev,
      ok: null,
      message: `Pearson X² for any difference between groups (${fmt(total)}, df ${k - 1}) minus the trend X² leaves ${fmt(dev)} on df ${k - 2} for departure from linearity; a large remainder means the proportions do not change linearly with the scores, and the trend test can miss a non-monotone pattern (see categorical.chisq_independence).`,
      message_zh: `组间差异的 Pearson X²（${fmt(total)}，自由度 ${k - 1}）减去趋势 X² 后，偏离线性部分为 ${fmt(dev)}（自由度 ${k - 2}）；该值较大说明比例并非随评分线性变化，趋势检验可能遗漏非单调模式（参见 categorical.chisq_independence）。`,
    });
  }
  const values = p.groups.map((g, i) => ({ group: g, score: p.scores[i], proportion: p.x[i] / p.n[i], n: p.n[i] }));
  return {
    tables: { tidy, groups },
    figures: [
      {
        id: 'trend',
        title: `Proportion of ${p.outcome} = “${p.success}” by ${p.group}`,
        title_zh: `${p.group} 各组 ${p.outcome} =“${p.success}”的比例`,
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          data: { values },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'group', type: 'ordinal', sort: p.groups, title: p.group },
            y: { field: 'proportion', type: 'quantitative', axis: { format: '%' }, title: `Proportion ${p.success}` },
            tooltip: [{ field: 'group' }, { field: 'score' }, { field: 'n' }, { field: 'proportion', format: '.1%' }],
          },
        },
      },
    ],
    assumptions,
    warnings: [],
  };
}
