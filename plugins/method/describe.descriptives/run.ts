import type { ColumnData, InputIssue, NumericColumn, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultColumn, ResultTable, ResultWarning } from '$core/results/types';
import * as d from '$core/stats/descriptive';
import { asFactor, type Factor } from '$core/stats/factor';

function list(c: ColumnData | ColumnData[] | undefined): ColumnData[] {
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

export function validate(input: RunInput): InputIssue[] {
  const vars = list(input.roles.variables);
  const issues: InputIssue[] = [];
  if (vars.length === 0) {
    issues.push({ code: 'no_variables', message: { en: 'Choose at least one numeric variable.', zh: '请至少选择一个数值变量。' } });
  }
  for (const v of vars) {
    if (v.kind !== 'numeric') {
      issues.push({
        code: 'variable_not_numeric',
        message: { en: `“${v.name}” is not numeric; descriptive statistics need numeric variables.`, zh: `“${v.name}”不是数值变量；描述性统计需要数值变量。` },
      });
    }
  }
  return issues;
}

export interface Summary {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  min: number | null;
  max: number | null;
  skewness: number | null;
  kurtosis: number | null;
  se_mean: number | null;
}

/** Summary of one variable: x holds every row (NaN = missing). */
export function summarise(x: ArrayLike<number>): Summary {
  const v = d.dropNaN(x);
  const n = v.length;
  const s = d.sorted(v);
  const nz = d.nullIfNaN;
  const q1 = nz(d.quantileSorted(s, 0.25));
  const q3 = nz(d.quantileSorted(s, 0.75));
  const sdv = d.sd(v);
  return {
    n,
    missing: x.length - n,
    mean: nz(d.mean(v)),
    sd: nz(sdv),
    median: nz(d.quantileSorted(s, 0.5)),
    q1,
    q3,
    iqr: q1 === null || q3 === null ? null : q3 - q1,
    min: n ? s[0] : null,
    max: n ? s[n - 1] : null,
    skewness: nz(d.skewness(v)),
    kurtosis: nz(d.kurtosis(v)),
    se_mean: nz(sdv / Math.sqrt(n)),
  };
}

const STAT_COLUMNS: ResultColumn[] = [
  { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
  { key: 'missing', label: 'Missing', label_zh: '缺失', type: 'integer' },
  { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
  { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
  { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
  { key: 'q1', label: 'Q1', label_zh: '下四分位数', type: 'number' },
  { key: 'q3', label: 'Q3', label_zh: '上四分位数', type: 'number' },
  { key: 'iqr', label: 'IQR', label_zh: '四分位距', type: 'number' },
  { key: 'min', label: 'Min', label_zh: '最小值', type: 'number' },
  { key: 'max', label: 'Max', label_zh: '最大值', type: 'number' },
  { key: 'skewness', label: 'Skewness', label_zh: '偏度', type: 'number' },
  { key: 'kurtosis', label: 'Kurtosis (excess)', label_zh: '峰度（超额）', type: 'number' },
  { key: 'se_mean', label: 'SE of mean', label_zh: '均值标准误', type: 'number' },
];

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const vars = list(input.roles.variables) as NumericColumn[];
  const gcol = list(input.roles.group)[0];
  const factor: Factor | undefined = gcol ? asFactor(gcol) : undefined;
  const rows: Record<string, CellValue>[] = [];
  const warnings: ResultWarning[] = [];

  vars.forEach((v, k) => {
    ctx.checkCancelled();
    if (!factor) {
      rows.push({ variable: v.name, ...summarise(v.values) });
    } else {
      const byLevel: number[][] = factor.levels.map(() => []);
      for (let i = 0; i < v.values.length; i++) if (factor.codes[i] >= 0) byLevel[factor.codes[i]].push(v.values[i]);
      byLevel.forEach((vals, j) => {
        if (vals.length) rows.push({ variable: v.name, group: factor.levels[j], ...summarise(vals) });
      });
    }
    ctx.progress((k + 1) / vars.length);
  });

  if (factor && gcol) {
    let nMissingGroup = 0;
    for (let i = 0; i < factor.codes.length; i++) if (factor.codes[i] < 0) nMissingGroup++;
    if (nMissingGroup) {
      warnings.push({
        code: 'group_missing',
        message: `${nMissingGroup} row${nMissingGroup === 1 ? '' : 's'} with a missing “${gcol.name}” ${nMissingGroup === 1 ? 'is' : 'are'} left out of the grouped summaries.`,
        message_zh: `有 ${nMissingGroup} 行的“${gcol.name}”缺失，未计入分组统计。`,
      });
    }
  }
  for (const r of rows) {
    if (r.n === 0) {
      warnings.push({
        code: 'no_data',
        message: `“${r.variable}”${r.group !== undefined ? ` in group “${r.group}”` : ''} has no non-missing values.`,
        message_zh: `“${r.variable}”${r.group !== undefined ? `在组“${r.group}”中` : ''}没有非缺失值。`,
      });
    }
  }

  const notes: string[] = [];
  const notesZh: string[] = [];
  const note = (en: string, zh: string) => {
    notes.push(en);
    notesZh.push(zh);
  };
  const any = (key: string, pred: (r: Record<string, CellValue>) => boolean) => rows.some((r) => r[key] === null && pred(r));
  if (any('sd', (r) => (r.n as number) < 2))
    note('sd and se_mean are empty where n < 2 (a standard deviation needs at least 2 values).', 'n < 2 时标准差和均值标准误为空（标准差至少需要 2 个值）。');
  if (any('skewness', (r) => (r.n as number) < 3)) note('skewness is empty where n < 3.', 'n < 3 时偏度为空。');
  if (any('kurtosis', (r) => (r.n as number) < 4)) note('kurtosis is empty where n < 4.', 'n < 4 时峰度为空。');
  if (any('skewness', (r) => (r.n as number) >= 3) || any('kurtosis', (r) => (r.n as number) >= 4))
    note('skewness and kurtosis are empty where all values are equal (SD = 0).', '所有值相等（标准差 = 0）时偏度和峰度为空。');
  if (rows.some((r) => r.n === 0)) note('All statistics are empty where there are no non-missing values.', '没有非缺失值时所有统计量为空。');
  note(
    'Quartiles: R type 7. Skewness and kurtosis: sample-adjusted G1 and excess G2 (SAS/SPSS; e1071 type 2).',
    '四分位数：R 第 7 型。偏度与峰度：样本校正的 G1 与超额峰度 G2（同 SAS/SPSS；e1071 type 2）。',
  );

  const columns: ResultColumn[] = [
    { key: 'variable', label: 'Variable', label_zh: '变量', type: 'text' },
    ...(factor ? [{ key: 'group', label: gcol!.name, label_zh: gcol!.name, type: 'text' as const }] : []),
    ...STAT_COLUMNS,
  ];
  const table: ResultTable = { title: 'Descriptive statistics', title_zh: '描述性统计', columns, rows, notes, notes_zh: notesZh };
  return { tables: { descriptives: table }, figures: [], assumptions: [], warnings };
}
