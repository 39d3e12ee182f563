import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import { nullIfNaN, quantile } from '$core/stats/descriptive';
import { asFactor, dropUnusedLevels, type Factor } from '$core/stats/factor';
import { groupRankSums, kruskalFromRanks } from '$core/stats/kruskal';
import { medianR } from '$core/stats/wilcoxon';
import { boxFigure } from '$core/results/box-figure';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

/** The outcome and group, complete cases only, with average ranks over all observations. */
export interface RankedGroups {
  name: string;
  groupName: string;
  factor: Factor;
  /** Values and ranks of the complete cases; code per value. */
  values: Float64Array;
  ranks: Float64Array;
  codes: Int32Array;
  ties: number[];
  n: number[];
  rankSum: number[];
  samples: Float64Array[];
}

export function rankedGroups(input: RunInput): RankedGroups | InputIssue {
  const y = single(input.roles.outcome);
  const g = single(input.roles.group);
  if (!y || !g) return { code: 'missing_role', message: { en: 'Choose an outcome and a group variable.', zh: '请选择结局变量和分组变量。' } };
  if (y.kind !== 'numeric') return { code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } };
  const f = dropUnusedLevels(asFactor(g), (i) => !Number.isNaN(y.values[i]));
  let m = 0;
  for (let i = 0; i < f.codes.length; i++) if (f.codes[i] >= 0) m++;
  const values = new Float64Array(m);
  const codes = new Int32Array(m);
  for (let i = 0, j = 0; i < f.codes.length; i++) {
    if (f.codes[i] >= 0) {
      values[j] = y.values[i];
      codes[j++] = f.codes[i];
    }
  }
  const k = f.levels.length;
  const { ranks, ties, n, rankSum } = groupRankSums(values, codes, k);
  const samples = n.map((c) => new Float64Array(c));
  const pos = new Array<number>(k).fill(0);
  for (let i = 0; i < m; i++) samples[codes[i]][pos[codes[i]]++] = values[i];
  return { name: y.name, groupName: g.name, factor: f, values, ranks, codes, ties, n, rankSum, samples };
}

export function groupIssues(p: RankedGroups): InputIssue[] {
  const k = p.factor.levels.length;
  if (k < 2) {
    return [{ code: 'too_few_groups', message: { en: `The group variable “${p.groupName}” has ${k} group${k === 1 ? '' : 's'} among the rows with data; at least 2 are needed.`, zh: `分组变量“${p.groupName}”在有数据的行中只有 ${k} 个组；至少需要 2 个。` } }];
  }
  if (p.values.length < 3) return [{ code: 'too_few_rows', message: { en: `Only ${p.values.length} complete observations; at least 3 are needed.`, zh: `只有 ${p.values.length} 个完整观测；至少需要 3 个。` } }];
  return [];
}

export function validate(input: RunInput): InputIssue[] {
  const p = rankedGroups(input);
  if ('code' in p) return [p];
  return groupIssues(p);
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = rankedGroups(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = groupIssues(p);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const N = p.values.length;
  // the kernel (src/core/stats/kruskal.ts), shared with describe.table1
  const { statistic: H, df, p_value: pv, epsilon_squared: eps } = kruskalFromRanks(p.n, p.rankSum, N, p.ties);
  const warnings: ResultWarning[] = [];
  const notes = ['epsilon_squared = H (n + 1) / (n² − 1), from 0 (no difference) to 1; about 0.01 small, 0.08 medium, 0.26 large.', `The statistic is corrected for ties (${p.ties.length} tied value${p.ties.length === 1 ? '' : 's'}).`];
  const notesZh = ['ε² = H (n + 1) / (n² − 1)，取值 0（无差异）至 1；约 0.01 为小、0.08 为中、0.26 为大。', `统计量已经结校正（${p.ties.length} 组结）。`];
  if (!Number.isFinite(H)) {
    warnings.push({ code: 'constant_data', message: `All values of “${p.name}” are equal; the test is undefined.`, message_zh: `“${p.name}”的所有值都相同，检验无定义。` });
    notes.push('statistic and p_value are null: all values are tied.');
    notesZh.push('统计量和 P 值为空：所有值都相同。');
  }
  const tidy: ResultTable = {
    title: 'Kruskal-Wallis rank sum test',
    title_zh: 'Kruskal–Wallis 秩和检验',
    columns: [
      { key: 'statistic', label: 'Chi-squared (H)', label_zh: '卡方值（H）', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'epsilon_squared', label: 'ε²', label_zh: 'ε²', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: nullIfNaN(H), df, p_value: nullIfNaN(pv), epsilon_squared: nullIfNaN(eps), method: 'Kruskal-Wallis rank sum test' }],
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
      { key: 'mean_rank', label: 'Mean rank', label_zh: '平均秩', type: 'number' },
    ],
    rows: p.samples.map((v, j) => ({ group: p.factor.levels[j], n: p.n[j], median: nullIfNaN(medianR(v)), q1: nullIfNaN(quantile(v, 0.25)), q3: nullIfNaN(quantile(v, 0.75)), mean_rank: p.rankSum[j] / p.n[j] })),
  };
  const small = p.n.filter((c) => c < 5).length;
  const assumptions: Assumption[] = [
    {
      name: 'Chi-square approximation (group sizes ≥ 5)',
      name_zh: '卡方近似（每组例数 ≥ 5）',
      ok: small === 0,
      message: small === 0 ? 'Every group has at least 5 observations, so the chi-square approximation of H is adequate.' : `${small} group(s) have fewer than 5 observations: the chi-square p-value is approximate; interpret with caution or use an exact/permutation test.`,
      message_zh: small === 0 ? '每组至少 5 个观测值，H 的卡方近似可靠。' : `${small} 个组少于 5 个观测值：卡方 P 值只是近似，请谨慎解释，或使用精确/置换检验。`,
    },
  ];
  const figure = boxFigure({ id: 'boxplot', title: `${p.name} by group`, title_zh: `各组 ${p.name} 的箱线图`, valueTitle: p.name, groups: p.factor.levels.map((name, j) => ({ name, values: p.samples[j] })) });
  return { tables: { tidy, groups }, figures: [figure], assumptions, warnings };
}
