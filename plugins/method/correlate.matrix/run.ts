import type { ColumnData, InputIssue, NumericColumn, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultTable, ResultWarning } from '$core/results/types';
import { heatmapFigure } from '$core/results/figures/heatmap-figure';
import { pearsonTest, spearmanTest } from '$core/stats/correlation';
import { kendallTest } from '$core/stats/kendall';
import { pAdjust, type PAdjustMethod } from '$core/stats/padjust';

function list(c: ColumnData | ColumnData[] | undefined): ColumnData[] {
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

export function validate(input: RunInput): InputIssue[] {
  const vars = list(input.roles.variables);
  const issues: InputIssue[] = [];
  if (vars.length < 2) issues.push({ code: 'too_few_variables', message: { en: 'Choose at least two numeric variables.', zh: '请至少选择两个数值变量。' } });
  const names = new Set<string>();
  for (const v of vars) {
    if (v.kind !== 'numeric') issues.push({ code: 'variable_not_numeric', message: { en: `“${v.name}” is not numeric.`, zh: `“${v.name}”不是数值变量。` } });
    if (names.has(v.name)) issues.push({ code: 'duplicate_variable', message: { en: `“${v.name}” is chosen twice.`, zh: `“${v.name}”被重复选择。` } });
    names.add(v.name);
  }
  if (issues.length) return issues;
  if (String(input.options.use ?? 'pairwise') === 'complete') {
    const cols = vars as NumericColumn[];
    let n = 0;
    for (let i = 0; i < cols[0].values.length; i++) if (cols.every((c) => !Number.isNaN(c.values[i]))) n++;
    if (n < 3) {
      issues.push({
        code: 'too_few_rows',
        message: { en: `Only ${n} rows have every variable present; at least 3 are needed. Use pairwise deletion or fewer variables.`, zh: `所有变量都不缺失的行只有 ${n} 行，至少需要 3 行。请改用成对删除或减少变量。` },
      });
    }
  }
  return issues;
}

const METHOD_NAME = { pearson: 'Pearson', spearman: 'Spearman', kendall: 'Kendall' } as const;

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const vars = list(input.roles.variables) as NumericColumn[];
  const method = String(input.options.method ?? 'pearson') as keyof typeof METHOD_NAME;
  const adjust = String(input.options.adjust ?? 'holm') as PAdjustMethod;
  const use = String(input.options.use ?? 'pairwise');
  const k = vars.length;
  const nrow = vars[0].values.length;
  let completeMask: Uint8Array | null = null;
  let nComplete = 0;
  if (use === 'complete') {
    completeMask = new Uint8Array(nrow);
    for (let i = 0; i < nrow; i++) {
      if (vars.every((c) => !Number.isNaN(c.values[i]))) {
        completeMask[i] = 1;
        nComplete++;
      }
    }
  }
  const rows: Record<string, CellValue>[] = [];
  const pvals: number[] = [];
  let undefinedPairs = 0;
  let tooFew = 0;
  const pairs = (k * (k - 1)) / 2;
  let done = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      ctx.checkCancelled();
      const xa = vars[a].values;
      const xb = vars[b].values;
      let n = 0;
      for (let i = 0; i < nrow; i++) if (completeMask ? completeMask[i] : !Number.isNaN(xa[i]) && !Number.isNaN(xb[i])) n++;
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0, j = 0; i < nrow; i++) {
        if (completeMask ? completeMask[i] : !Number.isNaN(xa[i]) && !Number.isNaN(xb[i])) {
          x[j] = xa[i];
          y[j++] = xb[i];
        }
      }
      let est: number | null = null;
      let p: number | null = null;
      if (n < 3) tooFew++;
      else {
        const t = method === 'pearson' ? pearsonTest(x, y) : method === 'spearman' ? spearmanTest(x, y) : kendallTest(x, y);
        est = t.estimate;
        p = t.p_value;
        if (est === null) undefinedPairs++;
      }
      rows.push({ var1: vars[a].name, var2: vars[b].name, estimate: est, n, p_value: p, p_adjusted: null });
      pvals.push(p === null ? NaN : p);
      ctx.progress(++done / pairs);
    }
  }
  const adj = pAdjust(pvals, adjust);
  rows.forEach((r, i) => (r.p_adjusted = Number.isFinite(adj[i]) ? adj[i] : null));
  const notes: string[] = [];
  const notesZh: string[] = [];
  notes.push(
    `${METHOD_NAME[method]} correlations; p-values from R’s cor.test defaults; p_adjusted by ${adjust === 'none' ? 'no adjustment' : `the ${adjust} method`} over ${pairs} pairs. ${use === 'complete' ? `Complete cases: ${nComplete} rows.` : 'Pairwise deletion: n differs by pair.'}`,
  );
  notesZh.push(
    `${METHOD_NAME[method]} 相关；P 值按 R 的 cor.test 默认方法计算；p_adjusted 为 ${pairs} 对之间${adjust === 'none' ? '未校正' : `按 ${adjust} 法校正`}的 P 值。${use === 'complete' ? `完整病例：${nComplete} 行。` : '成对删除：各对的 n 不同。'}`,
  );
  const warnings: ResultWarning[] = [];
  if (undefinedPairs || tooFew) {
    notes.push('estimate and p-values are null where a variable is constant within the pair’s rows or fewer than 3 rows are shared.');
    notesZh.push('当某变量在该对的行中为常数或共同的行少于 3 行时，相关系数和 P 值为空。');
    warnings.push({
      code: 'undefined_pairs',
      message: `${undefinedPairs + tooFew} pair(s) have no correlation (a constant variable or fewer than 3 shared rows).`,
      message_zh: `${undefinedPairs + tooFew} 对变量无法计算相关系数（某变量为常数或共同行少于 3 行）。`,
    });
  }
  const matrix: ResultTable = {
    title: `${METHOD_NAME[method]} correlation matrix`,
    title_zh: `${METHOD_NAME[method]} 相关矩阵`,
    columns: [
      { key: 'var1', label: 'Variable 1', label_zh: '变量 1', type: 'text' },
      { key: 'var2', label: 'Variable 2', label_zh: '变量 2', type: 'text' },
      { key: 'estimate', label: method === 'pearson' ? 'r' : method === 'spearman' ? 'rho' : 'tau', label_zh: method === 'pearson' ? 'r' : method === 'spearman' ? 'rho' : 'tau', type: 'number' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'p_adjusted', label: `p (${adjust})`, label_zh: `校正 P 值（${adjust}）`, type: 'p_value' },
    ],
    rows,
    notes,
    notes_zh: notesZh,
  };
  return { tables: { matrix }, figures: [heatmapFigure(vars.map((v) => v.name), rows, method)], assumptions: [], warnings };
}
