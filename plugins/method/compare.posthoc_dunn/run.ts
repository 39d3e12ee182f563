import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultTable, ResultWarning } from '$core/results/types';
import { normalUpper } from '$core/stats/distributions';
import { nullIfNaN } from '$core/stats/descriptive';
import { tieCorrection } from '$core/stats/rank';
import { pAdjust, type PAdjustMethod } from '$core/stats/padjust';
import { medianR } from '$core/stats/wilcoxon';
import { boxFigure } from '$core/results/box-figure';
import { groupIssues, rankedGroups } from '../compare.kruskal_wallis/run';

export function validate(input: RunInput): InputIssue[] {
  const p = rankedGroups(input);
  if ('code' in p) return [p];
  const issues = groupIssues(p);
  if (!issues.length && p.factor.levels.length < 3) {
    issues.push({ code: 'two_groups', message: { en: 'With only two groups there is nothing to adjust: use the Wilcoxon rank-sum (Mann–Whitney) test.', zh: '只有两个组时无需多重比较：请使用 Wilcoxon 秩和（Mann–Whitney）检验。' } });
  }
  return issues;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = rankedGroups(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const method = String(input.options.method ?? 'holm') as PAdjustMethod;
  const N = p.values.length;
  const k = p.factor.levels.length;
  const s2 = (N * (N + 1)) / 12 - tieCorrection(p.ties) / (12 * (N - 1));
  const mr = p.rankSum.map((s, j) => s / p.n[j]);
  const rows: Record<string, string | number | null>[] = [];
  const pv: number[] = [];
  // FSA / dunn.test order: 1-2, 1-3, 2-3, 1-4, ...
  for (let b = 1; b < k; b++) {
    for (let a = 0; a < b; a++) {
      const est = mr[a] - mr[b];
      const z = est / Math.sqrt(s2 * (1 / p.n[a] + 1 / p.n[b]));
      const pu = 2 * normalUpper(Math.abs(z));
      pv.push(pu);
      rows.push({ contrast: `${p.factor.levels[a]} - ${p.factor.levels[b]}`, estimate: est, statistic: nullIfNaN(z), p_value: nullIfNaN(pu), p_adjusted: null });
    }
  }
  const adj = pAdjust(pv, method);
  rows.forEach((r, i) => (r.p_adjusted = nullIfNaN(adj[i])));
  const warnings: ResultWarning[] = [];
  const notes = [
    `z = (mean rank A − mean rank B) / sqrt(σ² (1/n_A + 1/n_B)), σ² = N(N+1)/12 − Σ(t³ − t)/(12(N − 1)) (tie-corrected); two-sided p; adjusted by ${method} over ${rows.length} comparisons.`,
  ];
  const notesZh = [`z =（A 组平均秩 − B 组平均秩）/ sqrt(σ² (1/n_A + 1/n_B))，σ² = N(N+1)/12 − Σ(t³ − t)/(12(N − 1))（结校正）；双侧 P 值；按 ${method} 法对 ${rows.length} 个比较进行校正。`];
  if (!(s2 > 0)) {
    warnings.push({ code: 'constant_data', message: `All values of “${p.name}” are equal; the comparisons are undefined.`, message_zh: `“${p.name}”的所有值都相同，比较无定义。` });
    notes.push('statistic and p-values are null: all values are tied.');
    notesZh.push('统计量和 P 值为空：所有值都相同。');
  }
  const posthoc: ResultTable = {
    title: `Dunn’s test (${method} adjustment)`,
    title_zh: `Dunn 检验（${method} 校正）`,
    columns: [
      { key: 'contrast', label: 'Comparison', label_zh: '比较', type: 'text' },
      { key: 'estimate', label: 'Mean rank difference', label_zh: '平均秩差', type: 'number' },
      { key: 'statistic', label: 'z', label_zh: 'z', type: 'number' },
      { key: 'p_value', label: 'p (unadjusted)', label_zh: 'P 值（未校正）', type: 'p_value' },
      { key: 'p_adjusted', label: 'p (adjusted)', label_zh: 'P 值（校正）', type: 'p_value' },
    ],
    rows,
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
      { key: 'mean_rank', label: 'Mean rank', label_zh: '平均秩', type: 'number' },
    ],
    rows: p.samples.map((v, j) => ({ group: p.factor.levels[j], n: p.n[j], median: nullIfNaN(medianR(v)), mean_rank: mr[j] })),
  };
  const figure = boxFigure({ id: 'boxplot', title: `${p.name} by group`, title_zh: `各组 ${p.name} 的箱线图`, valueTitle: p.name, groups: p.factor.levels.map((name, j) => ({ name, values: p.samples[j] })) });
  return {
    tables: { posthoc, groups },
    figures: [figure],
    assumptions: [
      {
        name: 'Omnibus test first',
        name_zh: '先做整体检验',
        ok: null,
        message: 'Dunn’s comparisons are usually reported after a Kruskal–Wallis test; the adjusted p-values control the error over all comparisons shown.',
        message_zh: 'Dunn 两两比较通常在 Kruskal–Wallis 检验之后报告；校正后的 P 值控制了所列全部比较的错误率。',
      },
    ],
    warnings,
  };
}
