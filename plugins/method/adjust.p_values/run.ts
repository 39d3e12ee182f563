import type { ColumnData, InputIssue, NumericColumn, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultTable } from '$core/results/types';
import { pAdjust, type PAdjustMethod } from '$core/stats/padjust';

function col(input: RunInput): ColumnData | undefined {
  const c = input.roles.variables;
  return Array.isArray(c) ? c[0] : c;
}

export function validate(input: RunInput): InputIssue[] {
  const c = col(input);
  if (!c) return [{ code: 'missing_role', message: { en: 'Choose the column holding the p-values.', zh: '请选择存放 P 值的列。' } }];
  if (c.kind !== 'numeric') return [{ code: 'not_numeric', message: { en: `“${c.name}” must be numeric p-values.`, zh: `“${c.name}”必须是数值型 P 值。` } }];
  let n = 0;
  let bad = 0;
  let firstBad = NaN;
  for (const v of c.values) {
    if (Number.isNaN(v)) continue;
    n++;
    if (!(v >= 0 && v <= 1)) {
      if (!bad) firstBad = v;
      bad++;
    }
  }
  if (n === 0) return [{ code: 'no_values', message: { en: `“${c.name}” has no non-missing values.`, zh: `“${c.name}”没有非缺失值。` } }];
  if (bad) {
    return [
      {
        code: 'not_probability',
        message: {
          en: `${bad} value${bad === 1 ? '' : 's'} of “${c.name}” ${bad === 1 ? 'is' : 'are'} outside [0, 1] (e.g. ${firstBad}); p-values must lie between 0 and 1.`,
          zh: `“${c.name}”中有 ${bad} 个值不在 [0, 1] 内（如 ${firstBad}）；P 值必须在 0 与 1 之间。`,
        },
      },
    ];
  }
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const c = col(input) as NumericColumn;
  const method = String(input.options.method ?? 'holm') as PAdjustMethod;
  const adj = pAdjust(c.values, method);
  const rows: Record<string, CellValue>[] = [];
  let missing = 0;
  for (let i = 0; i < c.values.length; i++) {
    const p = c.values[i];
    if (Number.isNaN(p)) missing++;
    rows.push({ row: i + 1, p_value: Number.isNaN(p) ? null : p, p_adjusted: Number.isFinite(adj[i]) ? adj[i] : null });
  }
  const m = c.values.length - missing;
  const notes = [`${m} p-values adjusted by ${method === 'none' ? 'no method (unchanged)' : `the ${method} method`}${method === 'fdr' ? ' (= BH)' : ''}; row is the row number in the data.`];
  const notesZh = [`共 ${m} 个 P 值，${method === 'none' ? '未校正（保持不变）' : `按 ${method} 法校正`}${method === 'fdr' ? '（即 BH）' : ''}；row 为数据中的行号。`];
  if (missing) {
    notes.push(`${missing} missing p-value(s) stay null and are not counted (as R’s p.adjust).`);
    notesZh.push(`${missing} 个缺失 P 值保持为空，且不计入检验次数（与 R 的 p.adjust 一致）。`);
  }
  const adjusted: ResultTable = {
    title: `Adjusted p-values (${method})`,
    title_zh: `校正后的 P 值（${method}）`,
    columns: [
      { key: 'row', label: 'Row', label_zh: '行号', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: '原始 P 值', type: 'p_value' },
      { key: 'p_adjusted', label: `Adjusted p (${method})`, label_zh: `校正 P 值（${method}）`, type: 'p_value' },
    ],
    rows,
    notes,
    notes_zh: notesZh,
  };
  return { tables: { adjusted }, figures: [], assumptions: [], warnings: [] };
}
