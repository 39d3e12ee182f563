import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import { chisqUpper } from '$core/stats/distributions';
import { expectedCounts, matrixTable, prepareRowColumn, rowPercentFigure, type CrossTab } from '$core/stats/contingency';
import { fmt } from '$core/stats/format';

export interface ChisqResult {
  statistic: number;
  df: number;
  p_value: number;
  method: string;
  expected: number[][];
  stdres: number[][];
  cramers_v: number;
  uncorrected: number;
}

/** R's chisq.test(x) on a two-way table (Yates’ correction only for 2 × 2 when `correct`). */
export function chisqTest(t: CrossTab, correct: boolean): ChisqResult {
  const E = expectedCounts(t);
  const n = t.total;
  const r = t.rowLevels.length;
  const c = t.colLevels.length;
  const yates = correct && r === 2 && c === 2;
  let yc = 0;
  if (yates) {
    yc = 0.5;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) yc = Math.min(yc, Math.abs(t.counts[i][j] - E[i][j]));
  }
  let stat = 0;
  let un = 0;
  const stdres: number[][] = [];
  for (let i = 0; i < r; i++) {
    const row: number[] = [];
    for (let j = 0; j < c; j++) {
      const d = t.counts[i][j] - E[i][j];
      stat += (Math.abs(d) - yc) ** 2 / E[i][j];
      un += (d * d) / E[i][j];
      const sr = t.rowTotals[i];
      const sc = t.colTotals[j];
      const v = (sr * sc * (n - sr) * (n - sc)) / (n * n * n);
      row.push(d / Math.sqrt(v));
    }
    stdres.push(row);
  }
  const df = (r - 1) * (c - 1);
  return {
    statistic: stat,
    df,
    p_value: chisqUpper(stat, df),
    method: yates ? "Pearson's Chi-squared test with Yates' continuity correction" : "Pearson's Chi-squared test",
    expected: E,
    stdres,
    cramers_v: Math.sqrt(un / (n * (Math.min(r, c) - 1))),
    uncorrected: un,
  };
}

/** Cochran's rule as R warns about: the share of expected counts < 5 and the smallest. */
export function expectedCheck(E: number[][]): { small: number; cells: number; min: number; ok: boolean } {
  let small = 0;
  let cells = 0;
  let min = Infinity;
  for (const row of E)
    for (const e of row) {
      cells++;
      if (e < 5) small++;
      if (e < min) min = e;
    }
  return { small, cells, min, ok: small / cells <= 0.2 && min >= 1 };
}

export function expectedAssumption(E: number[][], alt: { en: string; zh: string }): Assumption {
  const ec = expectedCheck(E);
  const pct = (100 * ec.small) / ec.cells;
  return {
    name: 'Expected counts (≥ 5 in at least 80% of cells, none < 1)',
    name_zh: '期望频数（至少 80% 的单元格 ≥ 5，且无 < 1 者）',
    statistic: ec.min,
    ok: ec.ok,
    message: ec.ok
      ? `${ec.small} of ${ec.cells} cells (${fmt(pct, 2)}%) have an expected count below 5; the smallest is ${fmt(ec.min)}. The chi-square approximation is adequate.`
      : `${ec.small} of ${ec.cells} cells (${fmt(pct, 2)}%) have an expected count below 5 and the smallest is ${fmt(ec.min)}: the chi-square approximation may be inaccurate. ${alt.en}`,
    message_zh: ec.ok
      ? `${ec.cells} 个单元格中有 ${ec.small} 个（${fmt(pct, 2)}%）期望频数 < 5，最小期望频数为 ${fmt(ec.min)}，卡方近似可用。`
      : `${ec.cells} 个单元格中有 ${ec.small} 个（${fmt(pct, 2)}%）期望频数 < 5，最小为 ${fmt(ec.min)}：卡方近似可能不准确。${alt.zh}`,
  };
}

const prepare = (input: RunInput) => prepareRowColumn(input, false);

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
          en: `“${name}” has ${levels.length} categor${levels.length === 1 ? 'y' : 'ies'} among the rows with data; a contingency table needs at least 2 in each variable.`,
          zh: `“${name}”在有数据的行中只有 ${levels.length} 个类别；列联表的每个变量至少需要 2 个类别。`,
        },
      });
  }
  if (!issues.length) {
    const zeroR = p.tab.rowTotals.findIndex((v) => v <= 0);
    const zeroC = p.tab.colTotals.findIndex((v) => v <= 0);
    if (zeroR >= 0 || zeroC >= 0) {
      const lv = zeroR >= 0 ? p.tab.rowLevels[zeroR] : p.tab.colLevels[zeroC];
      issues.push({
        code: 'empty_margin',
        message: {
          en: `Category “${lv}” has a total (weighted) count of 0, so its expected counts are 0 and the chi-square statistic is undefined. Filter it out.`,
          zh: `类别“${lv}”的（加权）合计为 0，其期望频数为 0，卡方统计量无定义。请将其筛除。`,
        },
      });
    }
  }
  return issues;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const correct = Boolean(input.options.correct ?? true);
  const t = p.tab;
  const res = chisqTest(t, correct);
  const is2x2 = t.rowLevels.length === 2 && t.colLevels.length === 2;
  const notes: string[] = [];
  const notesZh: string[] = [];
  if (correct && !is2x2) {
    notes.push('Yates’ continuity correction applies only to 2 × 2 tables (as in R); the uncorrected statistic is reported.');
    notesZh.push('Yates 连续性校正仅适用于 2 × 2 表（与 R 相同），此处报告未校正的统计量。');
  }
  notes.push('Cramér’s V = sqrt(X² / (n (min(r, c) − 1))) from the uncorrected X².');
  notesZh.push('Cramér V = sqrt(X² / (n (min(r, c) − 1)))，X² 为未校正值。');

  const tidy: ResultTable = {
    title: res.method,
    title_zh: res.method.includes('Yates') ? 'Pearson 卡方检验（Yates 连续性校正）' : 'Pearson 卡方检验',
    columns: [
      { key: 'statistic', label: 'X²', label_zh: 'X²', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'cramers_v', label: 'Cramér’s V', label_zh: 'Cramér V', type: 'number' },
      { key: 'n', label: 'N', label_zh: '总例数', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: res.statistic, df: res.df, p_value: res.p_value, cramers_v: res.cramers_v, n: t.total, method: res.method }],
    notes,
    notes_zh: notesZh,
  };
  const observed = matrixTable(t, t.counts, { title: `Observed counts: ${p.rowName} × ${p.colName}`, title_zh: `观察频数：${p.rowName} × ${p.colName}`, rowName: p.rowName, type: 'number', totals: true });
  const expected = matrixTable(t, res.expected, { title: 'Expected counts under independence', title_zh: '独立假设下的期望频数', rowName: p.rowName, type: 'number' });
  const residuals = matrixTable(t, res.stdres, {
    title: 'Standardized residuals',
    title_zh: '标准化残差',
    rowName: p.rowName,
    type: 'number',
    notes: ['(observed − expected) / its standard error (R’s chisq.test()$stdres); |value| > 2 marks cells that differ from independence.'],
    notes_zh: ['（观察 − 期望）/ 其标准误（R 的 chisq.test()$stdres）；绝对值 > 2 的单元格偏离独立性。'],
  });

  const warnings: ResultWarning[] = [];
  const ec = expectedCheck(res.expected);
  if (ec.min < 5)
    warnings.push({
      code: 'small_expected',
      message: 'Chi-squared approximation may be incorrect (some expected counts are below 5), as R warns.',
      message_zh: '卡方近似可能不准确（部分期望频数 < 5），R 也会给出此警告。',
    });
  const assumptions: Assumption[] = [
    expectedAssumption(res.expected, {
      en: 'Use Fisher’s exact test instead (categorical.fisher_exact), or combine sparse categories.',
      zh: '请改用 Fisher 精确检验（categorical.fisher_exact），或合并稀疏类别。',
    }),
  ];

  return {
    tables: { tidy, observed, expected, residuals },
    figures: [
      {
        id: 'row_percent',
        title: `${p.colName} within each level of ${p.rowName} (row %)`,
        title_zh: `${p.rowName} 各水平内 ${p.colName} 的构成（行百分比）`,
        spec: rowPercentFigure(t, p.rowName, p.colName),
      },
    ],
    assumptions,
    warnings,
  };
}
