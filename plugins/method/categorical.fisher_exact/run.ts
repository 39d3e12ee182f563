import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultTable, ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { matrixTable, prepareRowColumn } from '$core/stats/contingency';
import { fisher2x2, fisherRxC } from '$core/stats/discrete';

const prepare = (input: RunInput) => prepareRowColumn(input, true);

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const issues: InputIssue[] = [];
  for (const [name, levels] of [
    [p.rowName, p.tab.rowLevels],
    [p.colName, p.tab.colLevels],
  ] as const) {
    if (levels.length < 2)
      issues.push({
        code: 'too_few_levels',
        message: {
          en: `“${name}” has ${levels.length} categor${levels.length === 1 ? 'y' : 'ies'} among the rows with data; Fisher’s test needs at least 2 in each variable.`,
          zh: `“${name}”在有数据的行中只有 ${levels.length} 个类别；Fisher 检验的每个变量至少需要 2 个类别。`,
        },
      });
  }
  return issues;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const alternative = String(input.options.alternative ?? 'two.sided') as Alternative;
  const confLevel = Number(input.options.conf_level ?? 0.95);
  const t = p.tab;
  const is2x2 = t.rowLevels.length === 2 && t.colLevels.length === 2;
  const warnings: ResultWarning[] = [];
  const notes: string[] = [];
  const notesZh: string[] = [];
  const pct = `${Math.round(confLevel * 1000) / 10}%`;
  let tidy: ResultTable;
  if (is2x2) {
    const [[a, b], [c, d]] = t.counts;
    const f = fisher2x2(a, b, c, d, alternative, confLevel);
    const [r1, r2] = t.rowLevels;
    const [c1] = t.colLevels;
    notes.push(
      `Odds ratio: odds of ${p.colName} = “${c1}” in ${p.rowName} = “${r1}” versus “${r2}” — the conditional maximum-likelihood estimate (not the sample odds ratio ad/bc), with the exact (Cornfield) ${pct} interval, as R’s fisher.test.`,
    );
    notesZh.push(`比值比：${p.rowName} = “${r1}” 与 “${r2}” 相比，${p.colName} = “${c1}” 的比数之比；为条件最大似然估计（非样本比值比 ad/bc），区间为精确（Cornfield）${pct} 置信区间，与 R 的 fisher.test 一致。`);
    if (f.estimate === Infinity || f.conf_high === Infinity) {
      notes.push('A null estimate or upper limit is +∞ (a zero cell, or a one-sided “greater” interval).');
      notesZh.push('估计值或上限为空表示 +∞（存在零单元格，或为单侧“右侧”区间）。');
    }
    tidy = {
      title: "Fisher's Exact Test for Count Data",
      title_zh: 'Fisher 精确检验',
      columns: [
        { key: 'estimate', label: 'Odds ratio', label_zh: '比值比', type: 'number' },
        { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
        { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
        { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
        { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
        { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
      ],
      rows: [
        {
          estimate: Number.isFinite(f.estimate) ? f.estimate : null,
          conf_low: f.conf_low,
          conf_high: Number.isFinite(f.conf_high) ? f.conf_high : null,
          p_value: f.p_value,
          method: "Fisher's Exact Test for Count Data",
          alternative,
        },
      ],
      notes,
      notes_zh: notesZh,
    };
  } else {
    const ex = fisherRxC(t.counts);
    if (!ex) {
      warnings.push({
        code: 'table_too_large',
        message: `The ${t.rowLevels.length} × ${t.colLevels.length} table with N = ${t.total} has too many tables with the same margins to enumerate for the exact test. Use the chi-square test (categorical.chisq_independence), or combine categories.`,
        message_zh: `该 ${t.rowLevels.length} × ${t.colLevels.length} 表（N = ${t.total}）具有相同边际的表数目过多，无法枚举计算精确检验。请改用卡方检验（categorical.chisq_independence），或合并类别。`,
      });
      notes.push('p_value is null: the table is too large for exact enumeration; use the chi-square test.');
      notesZh.push('P 值为空：该表过大，无法精确枚举；请使用卡方检验。');
    } else {
      notes.push(`Exact p-value over all tables with the observed margins (two-sided: tables no more likely than the one observed). The alternative and confidence level apply only to 2 × 2 tables.`);
      notesZh.push(`对所有边际相同的表精确计算的 P 值（双侧：概率不大于观察表的所有表之和）。备择假设与置信水平仅用于 2 × 2 表。`);
    }
    tidy = {
      title: "Fisher's Exact Test for Count Data",
      title_zh: 'Fisher 精确检验',
      columns: [
        { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
        { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
        { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
      ],
      rows: [{ p_value: ex ? ex.p_value : null, method: "Fisher's Exact Test for Count Data", alternative: 'two.sided' }],
      notes,
      notes_zh: notesZh,
    };
  }
  const observed = matrixTable(t, t.counts, { title: `Observed counts: ${p.rowName} × ${p.colName}`, title_zh: `观察频数：${p.rowName} × ${p.colName}`, rowName: p.rowName, type: 'number', totals: true });
  return { tables: { tidy, observed }, figures: [], assumptions: [], warnings };
}
