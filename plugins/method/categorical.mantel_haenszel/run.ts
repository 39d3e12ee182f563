import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, CellValue, ResultTable, ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { crossTab3, factorOf, single, weightProblem, weightsOf } from '$core/stats/contingency';
import { breslowDay, mantelHaenszel, mantelHaenszelExact, type Stratum } from '$core/stats/mantel-haenszel';
import { fmt, fmtP } from '$core/stats/format';

interface Prepared {
  rowName: string;
  colName: string;
  layerName: string;
  rowLevels: string[];
  colLevels: string[];
  strata: string[];
  tables: Stratum[];
}

function prepare(input: RunInput): Prepared | InputIssue {
  const r = single(input.roles.row);
  const c = single(input.roles.column);
  const k = single(input.roles.layer);
  if (!r || !c || !k) return { code: 'missing_role', message: { en: 'Choose a row, a column and a strata variable.', zh: '请选择行变量、列变量和分层变量。' } };
  const w = single(input.roles.weight);
  const exact = Boolean(input.options.exact ?? false);
  const wp = weightProblem(w, exact);
  if (wp) return { code: 'bad_weight', message: wp };
  const rf = factorOf(r);
  const cf = factorOf(c);
  const kf = factorOf(k);
  for (const [name, f] of [
    [r.name, rf],
    [c.name, cf],
  ] as const)
    if (f.levels.length !== 2)
      return {
        code: 'not_binary',
        message: {
          en: `“${name}” has ${f.levels.length} categories among the rows with data; the Mantel–Haenszel odds ratio needs two (a 2 × 2 table in each stratum).`,
          zh: `“${name}”在有数据的行中有 ${f.levels.length} 个类别；Mantel–Haenszel 比值比需要二分类变量（每层一个 2 × 2 表）。`,
        },
      };
  const t3 = crossTab3(rf, cf, kf, w ? weightsOf(w, rf.codes.length) : undefined);
  const tables = t3.map((m) => [[m[0][0], m[0][1]], [m[1][0], m[1][1]]] as Stratum);
  return { rowName: r.name, colName: c.name, layerName: k.name, rowLevels: rf.levels, colLevels: cf.levels, strata: kf.levels, tables };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const small = p.tables.findIndex(([[a, b], [c, d]]) => a + b + c + d < 2);
  if (small >= 0)
    return [
      {
        code: 'small_stratum',
        message: {
          en: `Stratum “${p.strata[small]}” of ${p.layerName} has fewer than 2 observations; R requires more than 1 in each stratum. Filter it out or merge strata.`,
          zh: `${p.layerName} 的分层“${p.strata[small]}”少于 2 个观测；R 要求每层多于 1 例。请筛除该层或合并分层。`,
        },
      },
    ];
  let s = 0;
  let v = 0;
  for (const [[a, b], [c, d]] of p.tables) {
    const n = a + b + c + d;
    s += (a * d + b * c) / n;
    v += ((a + b) * (c + d) * (a + c) * (b + d)) / (n * n * (n - 1));
  }
  if (!(v > 0))
    return [
      {
        code: 'no_variation',
        message: {
          en: `No stratum has both levels of ${p.rowName} and of ${p.colName}, so the Mantel–Haenszel variance is 0 and the test is undefined.`,
          zh: `没有任何分层同时包含 ${p.rowName} 和 ${p.colName} 的两个水平，Mantel–Haenszel 方差为 0，检验无定义。`,
        },
      },
    ];
  if (!(s > 0)) return [{ code: 'no_variation', message: { en: 'All strata have empty diagonals; the odds ratio is undefined.', zh: '各层对角线均为空，比值比无定义。' } }];
  return [];
}

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const correct = Boolean(input.options.correct ?? true);
  const exact = Boolean(input.options.exact ?? false);
  const alternative = String(input.options.alternative ?? 'two.sided') as Alternative;
  const conf = Number(input.options.conf_level ?? 0.95);
  const tarone = Boolean(input.options.tarone ?? false);
  const res = exact ? mantelHaenszelExact(p.tables, alternative, conf) : mantelHaenszel(p.tables, correct, alternative, conf);
  const mhEstimate = exact ? mantelHaenszel(p.tables, correct, 'two.sided', conf).estimate : res.estimate;
  const notes: string[] = [
    `Odds ratio: odds of ${p.colName} = “${p.colLevels[0]}” for ${p.rowName} = “${p.rowLevels[0]}” versus “${p.rowLevels[1]}”, common to the ${p.strata.length} strata of ${p.layerName}.`,
  ];
  const notesZh: string[] = [
    `比值比：${p.rowName} =“${p.rowLevels[0]}”相对于“${p.rowLevels[1]}”，${p.colName} =“${p.colLevels[0]}”的比值比，为 ${p.layerName} 的 ${p.strata.length} 个分层所共有。`,
  ];
  if (exact) {
    notes.push('Exact conditional test: the statistic S is the sum of the top-left cells; the estimate is the conditional maximum likelihood estimate with its exact interval (no df).');
    notesZh.push('精确条件检验：统计量 S 为各层左上格之和；估计值为条件最大似然估计及其精确区间（无自由度）。');
  } else {
    notes.push('Mantel–Haenszel estimate with the Robins–Breslow–Greenland confidence interval.');
    notesZh.push('Mantel–Haenszel 估计，置信区间采用 Robins–Breslow–Greenland 方差。');
  }
  if (!Number.isFinite(res.conf_high) || !Number.isFinite(res.estimate)) {
    notes.push(alternative === 'greater' ? 'The upper limit of a one-sided (greater) interval is infinite and is shown empty.' : 'An infinite or undefined value (a zero in every stratum’s denominator) is shown empty.');
    notesZh.push(alternative === 'greater' ? '单侧（大于）区间的上限为无穷，显示为空。' : '无穷或无定义的值（各层分母均为零）显示为空。');
  }
  const tidy: ResultTable = {
    title: res.method,
    title_zh: exact ? '2 × 2 × K 表独立性的精确条件检验' : `Mantel–Haenszel 卡方检验（${res.method.includes('with continuity') ? '连续性校正' : '无连续性校正'}）`,
    columns: [
      { key: 'estimate', label: 'Common odds ratio', label_zh: '公共比值比', type: 'number' },
      { key: 'conf_low', label: `${Math.round(conf * 1000) / 10}% CI low`, label_zh: `${Math.round(conf * 1000) / 10}% CI 下限`, type: 'number' },
      { key: 'conf_high', label: `${Math.round(conf * 1000) / 10}% CI high`, label_zh: `${Math.round(conf * 1000) / 10}% CI 上限`, type: 'number' },
      { key: 'statistic', label: exact ? 'S' : 'X²', label_zh: exact ? 'S' : 'X²', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
      { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
    ],
    rows: [
      {
        estimate: fin(res.estimate),
        conf_low: fin(res.conf_low),
        conf_high: fin(res.conf_high),
        statistic: res.statistic,
        df: res.df,
        p_value: res.p_value,
        method: res.method,
        alternative,
      },
    ],
    notes,
    notes_zh: notesZh,
  };
  let undefinedOr = 0;
  const rows: Record<string, CellValue>[] = p.tables.map(([[a, b], [c, d]], k) => {
    const or = (a * d) / (b * c);
    if (!Number.isFinite(or)) undefinedOr++;
    return { stratum: p.strata[k], n11: a, n12: b, n21: c, n22: d, n: a + b + c + d, odds_ratio: fin(or) };
  });
  const lv = (l: string) => l;
  const strata: ResultTable = {
    title: `Strata of ${p.layerName}`,
    title_zh: `${p.layerName} 各分层`,
    columns: [
      { key: 'stratum', label: p.layerName, label_zh: p.layerName, type: 'text' },
      { key: 'n11', label: `${lv(p.rowLevels[0])} / ${lv(p.colLevels[0])}`, type: 'number' },
      { key: 'n12', label: `${lv(p.rowLevels[0])} / ${lv(p.colLevels[1])}`, type: 'number' },
      { key: 'n21', label: `${lv(p.rowLevels[1])} / ${lv(p.colLevels[0])}`, type: 'number' },
      { key: 'n22', label: `${lv(p.rowLevels[1])} / ${lv(p.colLevels[1])}`, type: 'number' },
      { key: 'n', label: 'N', label_zh: '例数', type: 'number' },
      { key: 'odds_ratio', label: 'Odds ratio', label_zh: '比值比', type: 'number' },
    ],
    rows,
  };
  if (undefinedOr) {
    strata.notes = [`${undefinedOr} stratum odds ratio${undefinedOr > 1 ? 's are' : ' is'} infinite or undefined (a zero cell in the denominator) and shown empty.`];
    strata.notes_zh = [`${undefinedOr} 个分层比值比为无穷或无定义（分母含零格），显示为空。`];
  }
  const assumptions: Assumption[] = [];
  const warnings: ResultWarning[] = [];
  const bd = breslowDay(p.tables, mhEstimate);
  if (bd) {
    const stat = tarone ? bd.tarone_statistic : bd.statistic;
    const pv = tarone ? bd.tarone_p_value : bd.p_value;
    const ok = pv >= 0.05;
    const skipped = p.tables.length - bd.strata_used;
    const skipEn = skipped ? ` (${skipped} ${skipped > 1 ? 'strata' : 'stratum'} with a zero margin skipped)` : '';
    const skipZh = skipped ? `（跳过 ${skipped} 个边际为零的分层）` : '';
    assumptions.push({
      name: `Homogeneity of odds ratios (Breslow–Day${tarone ? ', Tarone-corrected' : ''})`,
      name_zh: `比值比同质性（Breslow–Day${tarone ? '，Tarone 校正' : ''}）`,
      statistic: stat,
      p_value: pv,
      ok,
      message: ok
        ? `Breslow–Day χ²(${bd.df}) = ${fmt(stat)}, p ${fmtP(pv)}${skipEn}: no evidence that the odds ratio differs between strata, so a common odds ratio is a reasonable summary.`
        : `Breslow–Day χ²(${bd.df}) = ${fmt(stat)}, p ${fmtP(pv)}${skipEn}: the odds ratios differ between strata (effect modification by ${p.layerName}). Report the stratum-specific odds ratios, or model the interaction in a logistic regression (regress.logistic), rather than the common odds ratio.`,
      message_zh: ok
        ? `Breslow–Day χ²(${bd.df}) = ${fmt(stat)}，P ${fmtP(pv)}${skipZh}：没有证据表明各层比值比不同，公共比值比是合理的概括。`
        : `Breslow–Day χ²(${bd.df}) = ${fmt(stat)}，P ${fmtP(pv)}${skipZh}：各层比值比不同（${p.layerName} 存在效应修饰）。应报告分层比值比，或在 logistic 回归（regress.logistic）中纳入交互项，而非报告公共比值比。`,
    });
  } else {
    assumptions.push({
      name: 'Homogeneity of odds ratios (Breslow–Day)',
      name_zh: '比值比同质性（Breslow–Day）',
      ok: null,
      message: 'Fewer than two strata have all margins > 0; the Breslow–Day test cannot be computed.',
      message_zh: '边际均 > 0 的分层少于两个，无法计算 Breslow–Day 检验。',
    });
  }
  const total = p.tables.reduce((s, [[a, b], [c, d]]) => s + a + b + c + d, 0);
  if (!exact && p.tables.length > 0 && total / p.tables.length < 5) {
    warnings.push({
      code: 'sparse',
      message: 'The strata are small; consider the exact conditional test (exact = TRUE).',
      message_zh: '各分层例数较少；可考虑精确条件检验（exact = TRUE）。',
    });
  }
  // forest plot of the stratum odds ratios (finite, > 0) and the common one
  const values: Record<string, unknown>[] = [];
  rows.forEach((r) => {
    const or = r.odds_ratio as number | null;
    if (or !== null && or > 0) values.push({ label: String(r.stratum), or, kind: 'Stratum' });
  });
  if (Number.isFinite(res.estimate) && res.estimate > 0) values.push({ label: exact ? 'Common (conditional MLE)' : 'Common (Mantel–Haenszel)', or: res.estimate, lo: fin(res.conf_low) && res.conf_low > 0 ? res.conf_low : null, hi: fin(res.conf_high), kind: 'Common' });
  const figures =
    values.length > 0
      ? [
          {
            id: 'strata_or',
            title: `Odds ratios by ${p.layerName}`,
            title_zh: `${p.layerName} 各层比值比`,
            spec: {
              $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
              data: { values },
              layer: [
                { mark: { type: 'rule', color: 'gray', strokeDash: [4, 4] }, encoding: { x: { datum: 1 } } },
                { transform: [{ filter: 'datum.lo != null && datum.hi != null' }], mark: { type: 'rule' }, encoding: { y: { field: 'label', type: 'nominal', sort: null }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
                {
                  mark: { type: 'point', filled: true },
                  encoding: {
                    y: { field: 'label', type: 'nominal', sort: null, title: p.layerName },
                    x: { field: 'or', type: 'quantitative', scale: { type: 'log' }, title: 'Odds ratio (log scale)' },
                    shape: { field: 'kind', type: 'nominal', title: '' },
                    tooltip: [{ field: 'label' }, { field: 'or', format: '.3f' }],
                  },
                },
              ],
            },
          },
        ]
      : [];
  return { tables: { tidy, strata }, figures, assumptions, warnings };
}
