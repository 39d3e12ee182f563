import type { CategoricalColumn, ColumnData, InputIssue, NumericColumn, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, CellValue, ResultColumn, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { mean, nullIfNaN, quantileSorted, variance } from '$core/stats/descriptive';
import { asFactor, dropUnusedLevels, splitByLevel, type Factor } from '$core/stats/factor';
import { shapiroWilk, SHAPIRO_MAX_N } from '$core/stats/shapiro';
import { tTest2 } from '$core/stats/ttest';
import { medianR, wilcoxRankSum } from '$core/stats/wilcoxon';
import { crossTab, expectedCounts, finishTab, type CrossTab } from '$core/stats/contingency';
import { fisher2x2, fisherRxC } from '$core/stats/discrete';
import { pseudoInverse } from 'ml-matrix';
import { onewayClassic } from '../compare.anova_oneway/run';
import { kruskalWallis } from '$core/stats/kruskal';
import { chisqTest } from '../categorical.chisq_independence/run';

export type Summary = 'mean_sd' | 'median_iqr';
export type TestName = 'Welch t-test' | 'ANOVA' | 'Wilcoxon rank-sum' | 'Kruskal–Wallis' | 'Chi-square' | "Fisher's exact";

const TEST_ZH: Record<TestName, string> = {
  'Welch t-test': 'Welch t 检验',
  ANOVA: '方差分析',
  'Wilcoxon rank-sum': 'Wilcoxon 秩和检验',
  'Kruskal–Wallis': 'Kruskal–Wallis 检验',
  'Chi-square': '卡方检验',
  "Fisher's exact": 'Fisher 精确检验',
};
export const testNameZh = (t: string): string => TEST_ZH[t as TestName] ?? t;

const single = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c[0] : c);
const many = (c: ColumnData | ColumnData[] | undefined): ColumnData[] => (Array.isArray(c) ? c : c ? [c] : []);

interface Prepared {
  variables: ColumnData[];
  groupName: string | null;
  /** Group factor (levels present among rows with a group); null without a group. */
  group: Factor | null;
  /** Rows with a missing group (excluded everywhere). */
  groupMissing: number;
  /** Rows analysed (group present). */
  rows: number;
  groupSizes: number[];
}

function prepare(input: RunInput): Prepared | InputIssue {
  const variables = many(input.roles.variables);
  if (!variables.length) return { code: 'missing_role', message: { en: 'Choose at least one variable.', zh: '请至少选择一个变量。' } };
  const g = single(input.roles.group);
  const n = variables[0].kind === 'numeric' ? variables[0].values.length : variables[0].codes.length;
  if (!g) return { variables, groupName: null, group: null, groupMissing: 0, rows: n, groupSizes: [] };
  const f = dropUnusedLevels(asFactor(g));
  let missing = 0;
  const sizes = new Array<number>(f.levels.length).fill(0);
  for (let i = 0; i < f.codes.length; i++) {
    if (f.codes[i] < 0) missing++;
    else sizes[f.codes[i]]++;
  }
  return { variables, groupName: g.name, group: f, groupMissing: missing, rows: n - missing, groupSizes: sizes };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const issues: InputIssue[] = [];
  if (p.rows < 2) {
    issues.push({
      code: 'too_few_rows',
      message: { en: `Only ${p.rows} row${p.rows === 1 ? '' : 's'} to describe${p.groupName ? ` with a value of the group “${p.groupName}”` : ''}; at least 2 are needed.`, zh: `${p.groupName ? `分组变量“${p.groupName}”非缺失的` : ''}可描述的行只有 ${p.rows} 行；至少需要 2 行。` },
    });
    return issues;
  }
  if (p.group) {
    const k = p.group.levels.length;
    if (k < 2) {
      issues.push({
        code: 'too_few_groups',
        message: {
          en: `The group variable “${p.groupName}” has ${k} group${k === 1 ? '' : 's'}${k ? ` (${p.group.levels[0]})` : ''}; a Table 1 by group needs at least 2. Leave the group empty to describe the whole sample.`,
          zh: `分组变量“${p.groupName}”只有 ${k} 个组${k ? `（${p.group.levels[0]}）` : ''}；分组的基线表至少需要 2 个组。若要描述全部样本，请不选分组变量。`,
        },
      });
    }
    p.groupSizes.forEach((s, j) => {
      if (s < 2)
        issues.push({
          code: 'group_too_small',
          message: {
            en: `Group “${p.group!.levels[j]}” of “${p.groupName}” has ${s} row; each group needs at least 2 for its summaries and tests. Filter it out or merge it with another group.`,
            zh: `“${p.groupName}”的组“${p.group!.levels[j]}”只有 ${s} 行；每组至少需要 2 行才能汇总和检验。请筛除该组或与其他组合并。`,
          },
        });
    });
  }
  for (const v of p.variables) {
    if (p.group && v.name === p.groupName) {
      issues.push({ code: 'variable_is_group', message: { en: `“${v.name}” is the group variable; remove it from the variables.`, zh: `“${v.name}”是分组变量，请从变量中移除。` } });
      continue;
    }
    let present = 0;
    for (let i = 0; i < p.rows + p.groupMissing; i++) {
      const ok = v.kind === 'numeric' ? !Number.isNaN(v.values[i]) : v.codes[i] >= 0;
      if (ok && (!p.group || p.group.codes[i] >= 0)) present++;
    }
    if (present === 0)
      issues.push({ code: 'all_missing', message: { en: `“${v.name}” has no non-missing values${p.group ? ' in the rows with a group' : ''}.`, zh: `“${v.name}”${p.group ? '在有分组的行中' : ''}没有非缺失值。` } });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// statistics

export interface NumStats {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

function numStats(x: Float64Array): NumStats {
  if (x.length === 0) return { n: 0, mean: null, sd: null, median: null, q1: null, q3: null };
  const s = Float64Array.from(x).sort();
  return {
    n: x.length,
    mean: nullIfNaN(mean(x)),
    sd: nullIfNaN(Math.sqrt(variance(x))),
    median: nullIfNaN(medianR(x)),
    q1: nullIfNaN(quantileSorted(s, 0.25)),
    q3: nullIfNaN(quantileSorted(s, 0.75)),
  };
}

/** (m1 − m2) / √((s1² + s2²)/2); NaN when undefined. */
export function smdNumeric(a: Float64Array, b: Float64Array): number {
  if (a.length < 2 || b.length < 2) return NaN;
  const d = Math.sqrt((variance(a) + variance(b)) / 2);
  const v = (mean(a) - mean(b)) / d;
  return Number.isFinite(v) ? v : NaN;
}

/**
 * Multi-level SMD of Yang & Dalton (2012) between two columns of counts, as tableone's
 * StdDiffMulti: proportions without the first level, T and C; S = (S_T + S_C) / 2 with
 * S = diag(p) − p pᵀ; SMD = √((T − C)ᵀ S⁺ (T − C)) with MASS::ginv's tolerance.
 */
export function smdCategorical(a: number[], b: number[]): number {
  const na = a.reduce((s, v) => s + v, 0);
  const nb = b.reduce((s, v) => s + v, 0);
  if (!(na > 0 && nb > 0)) return NaN;
  const k = a.length - 1;
  if (k < 1) return 0;
  const t = a.slice(1).map((v) => v / na);
  const c = b.slice(1).map((v) => v / nb);
  const S = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => ((i === j ? t[i] : 0) - t[i] * t[j] + (i === j ? c[i] : 0) - c[i] * c[j]) / 2),
  );
  const d = t.map((v, i) => v - c[i]);
  // MASS::ginv keeps singular values > sqrt(eps) * largest; ml-matrix scales its threshold by max(rows, cols)
  const Sp = pseudoInverse(S, Math.sqrt(Number.EPSILON) / k).to2DArray();
  let q = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) q += d[i] * Sp[i][j] * d[j];
  return Math.sqrt(Math.max(0, q));
}

/** 2 groups: the SMD; 3+ groups: the mean of the pairwise absolute SMDs (tableone's print). */
function combineSmd(pairs: number[], k: number): number | null {
  if (pairs.some((v) => Number.isNaN(v))) return null;
  if (k === 2) return pairs[0];
  return pairs.reduce((s, v) => s + Math.abs(v), 0) / pairs.length;
}

function kruskalP(samples: Float64Array[]): number | null {
  const r = kruskalWallis(samples);
  return r && Number.isFinite(r.p_value) ? r.p_value : null;
}

export interface VariableResult {
  name: string;
  kind: 'numeric' | 'categorical';
  missing: number;
  summary?: Summary;
  shapiro?: ({ w: number; p_value: number } | null)[];
  /** numeric: stats per column (overall first) */
  stats?: NumStats[];
  missingBy: number[];
  /** categorical: levels and counts[level][column] (overall first) */
  levels?: string[];
  counts?: number[][];
  totals?: number[];
  p_value: number | null;
  test: TestName | null;
  smd: number | null;
  /** why p_value is null, or how the test was chosen */
  noteEn?: string;
  noteZh?: string;
  expectedSmall?: boolean;
}

function analyseNumeric(v: NumericColumn, p: Prepared, cont: string, doTest: boolean, doSmd: boolean): VariableResult {
  const n = v.values.length;
  const f = p.group;
  let missing = 0;
  const missingBy = new Array<number>(1 + (f ? f.levels.length : 0)).fill(0);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (f && f.codes[i] < 0) continue;
    if (Number.isNaN(v.values[i])) {
      missing++;
      missingBy[0]++;
      if (f) missingBy[1 + f.codes[i]]++;
    } else m++;
  }
  const overall = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) if ((!f || f.codes[i] >= 0) && !Number.isNaN(v.values[i])) overall[j++] = v.values[i];
  const samples = f ? splitByLevel(v.values, f) : [];
  const stats = [numStats(overall), ...samples.map(numStats)];
  let summary: Summary = cont === 'median_iqr' ? 'median_iqr' : 'mean_sd';
  let shapiro: ({ w: number; p_value: number } | null)[] | undefined;
  if (cont === 'auto') {
    shapiro = (f ? samples : [overall]).map((s) => shapiroWilk(s));
    summary = shapiro.every((r) => r === null || r.p_value >= 0.05) ? 'mean_sd' : 'median_iqr';
  }
  const res: VariableResult = { name: v.name, kind: 'numeric', missing, summary, shapiro, stats, missingBy, p_value: null, test: null, smd: null };
  if (!f || f.levels.length < 2) return res;
  const k = f.levels.length;
  const used = samples.map((s, j) => ({ s, level: f.levels[j] })).filter((x) => x.s.length > 0);
  if (doTest) {
    const normal = summary === 'mean_sd';
    res.test = used.length === 2 || (used.length < 2 && k === 2) ? (normal ? 'Welch t-test' : 'Wilcoxon rank-sum') : normal ? 'ANOVA' : 'Kruskal–Wallis';
    if (used.length < 2) {
      res.noteEn = `${v.name}: no test, fewer than two groups have values.`;
      res.noteZh = `${v.name}：有数据的组少于两个，未作检验。`;
    } else if (used.length === 2) {
      const [a, b] = used;
      if (normal) res.p_value = a.s.length >= 2 && b.s.length >= 2 ? tTest2(a.s, b.s, false, 'two.sided', 0.95, 0).p_value : null;
      else res.p_value = nullIfNaN(wilcoxRankSum(a.s, b.s, { confInt: false }).p_value);
    } else if (normal) {
      const r = onewayClassic(used.map((x) => x.s));
      res.p_value = r.dfw > 0 ? nullIfNaN(r.p) : null;
    } else res.p_value = kruskalP(used.map((x) => x.s));
    if (res.p_value === null && !res.noteEn) {
      res.noteEn = `${v.name}: p-value is null, the ${res.test} is undefined (constant values or too few values in a group).`;
      res.noteZh = `${v.name}：P 值为空，${testNameZh(res.test)}无定义（数值为常数或某组数据过少）。`;
    }
  }
  if (doSmd) {
    const pairs: number[] = [];
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) pairs.push(smdNumeric(samples[a], samples[b]));
    res.smd = combineSmd(pairs, k);
  }
  return res;
}

function analyseCategorical(v: CategoricalColumn, p: Prepared, doTest: boolean, doSmd: boolean): VariableResult {
  const f = p.group;
  const vf = dropUnusedLevels({ levels: v.levels, codes: v.codes }, (i) => !f || f.codes[i] >= 0);
  const L = vf.levels.length;
  const k = f ? f.levels.length : 0;
  const missingBy = new Array<number>(1 + k).fill(0);
  let missing = 0;
  for (let i = 0; i < vf.codes.length; i++) {
    if (f && f.codes[i] < 0) continue;
    if (vf.codes[i] < 0) {
      missing++;
      missingBy[0]++;
      if (f) missingBy[1 + f.codes[i]]++;
    }
  }
  const overallCounts = new Array<number>(L).fill(0);
  for (let i = 0; i < vf.codes.length; i++) if (vf.codes[i] >= 0) overallCounts[vf.codes[i]]++;
  const tab: CrossTab | null = f ? crossTab(vf, f) : null;
  const counts = vf.levels.map((_, l) => [overallCounts[l], ...(tab ? tab.counts[l] : [])]);
  const totals = [overallCounts.reduce((s, x) => s + x, 0), ...(tab ? tab.colTotals : [])];
  const res: VariableResult = { name: v.name, kind: 'categorical', missing, levels: vf.levels, counts, totals, missingBy, p_value: null, test: null, smd: null };
  if (!f || !tab || k < 2) return res;
  if (doTest) {
    const cols = tab.colTotals.map((t, j) => (t > 0 ? j : -1)).filter((j) => j >= 0);
    const sub = finishTab(tab.rowLevels, cols.map((j) => tab.colLevels[j]), tab.counts.map((row) => cols.map((j) => row[j])));
    if (L < 2 || cols.length < 2) {
      res.test = 'Chi-square';
      res.noteEn = `${v.name}: no test, ${L < 2 ? 'only one category is present' : 'fewer than two groups have values'}.`;
      res.noteZh = `${v.name}：${L < 2 ? '只有一个类别' : '有数据的组少于两个'}，未作检验。`;
    } else {
      const E = expectedCounts(sub);
      const small = E.some((row) => row.some((e) => e < 5));
      res.expectedSmall = small;
      if (small) {
        if (L === 2 && cols.length === 2) {
          const [[a, b], [c, d]] = sub.counts;
          res.test = "Fisher's exact";
          res.p_value = fisher2x2(a, b, c, d, 'two.sided', 0.95).p_value;
        } else {
          const ex = fisherRxC(sub.counts);
          if (ex) {
            res.test = "Fisher's exact";
            res.p_value = ex.p_value;
          } else {
            res.test = 'Chi-square';
            res.p_value = nullIfNaN(chisqTest(sub, false).p_value);
            res.noteEn = `${v.name}: an expected count is below 5 but the ${L} × ${cols.length} table is too large for Fisher’s exact test; the chi-square p-value is approximate.`;
            res.noteZh = `${v.name}：有期望频数 < 5，但 ${L} × ${cols.length} 表过大，无法进行 Fisher 精确检验；卡方检验的 P 值只是近似值。`;
          }
        }
      } else {
        res.test = 'Chi-square';
        res.p_value = nullIfNaN(chisqTest(sub, false).p_value);
      }
    }
  }
  if (doSmd) {
    const pairs: number[] = [];
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++)
        pairs.push(smdCategorical(counts.map((r) => r[1 + a]), counts.map((r) => r[1 + b])));
    res.smd = combineSmd(pairs, k);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// formatting

/** Decimals for a variable's summaries: two significant digits of its spread (SD or IQR), 0–4. */
export function decimalsFor(spread: number | null, center: number | null): number {
  const s = spread !== null && spread > 0 ? spread : center !== null && center !== 0 ? Math.abs(center) : null;
  if (s === null || !Number.isFinite(s)) return 0;
  return Math.max(0, Math.min(4, 1 - Math.floor(Math.log10(s))));
}

const fx = (v: number | null, d: number) => (v === null ? 'NA' : v.toFixed(d));

function numericCell(s: NumStats, summary: Summary, d: number): string {
  if (s.n === 0) return '—';
  return summary === 'mean_sd' ? `${fx(s.mean, d)} (${fx(s.sd, d)})` : `${fx(s.median, d)} [${fx(s.q1, d)}, ${fx(s.q3, d)}]`;
}

const levelCell = (count: number, total: number) => (total > 0 ? `${count} (${((100 * count) / total).toFixed(1)})` : `${count} (—)`);

// ---------------------------------------------------------------------------------------------

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const o = input.options;
  const cont = String(o.continuous ?? 'auto');
  const hasGroup = p.group !== null;
  const doTest = Boolean(o.test ?? true) && hasGroup;
  const doSmd = Boolean(o.smd ?? true) && hasGroup;
  const showMissing = Boolean(o.missing ?? true);
  const levels = p.group?.levels ?? [];
  const k = levels.length;

  const results: VariableResult[] = p.variables.map((v, i) => {
    _ctx.progress(i / p.variables.length);
    _ctx.checkCancelled();
    return v.kind === 'numeric' ? analyseNumeric(v, p, cont, doTest, doSmd) : analyseCategorical(v, p, doTest, doSmd);
  });

  // ---- table1 ----
  const columns: ResultColumn[] = [
    { key: 'variable', label: 'Variable', label_zh: '变量', type: 'text' },
    { key: 'level', label: 'Level', label_zh: '水平', type: 'text' },
    { key: 'overall', label: 'Overall', label_zh: '合计', type: 'text' },
    ...levels.map((l, j): ResultColumn => ({ key: `group_${j}`, label: l, label_zh: l, type: 'text' })),
  ];
  if (doTest) {
    columns.push({ key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' });
    columns.push({ key: 'test', label: 'Test', label_zh: '检验方法', type: 'text' });
  }
  if (doSmd) columns.push({ key: 'smd', label: 'SMD', label_zh: 'SMD', type: 'number' });
  if (showMissing) columns.push({ key: 'missing', label: 'Missing', label_zh: '缺失', type: 'integer' });

  const blank = (): Record<string, CellValue> => {
    const r: Record<string, CellValue> = { variable: null, level: null, overall: null };
    levels.forEach((_, j) => (r[`group_${j}`] = null));
    if (doTest) {
      r.p_value = null;
      r.test = null;
    }
    if (doSmd) r.smd = null;
    if (showMissing) r.missing = null;
    return r;
  };
  const rows: Record<string, CellValue>[] = [];
  const nRow = blank();
  nRow.variable = 'n';
  nRow.overall = String(p.rows);
  p.groupSizes.forEach((s, j) => (nRow[`group_${j}`] = String(s)));
  rows.push(nRow);

  const values: Record<string, CellValue>[] = [];
  const colNames = ['Overall', ...levels];
  for (const r of results) {
    const head = blank();
    head.variable = r.name;
    if (doTest) {
      head.p_value = r.p_value;
      head.test = r.test;
    }
    if (doSmd) head.smd = r.smd;
    if (showMissing) head.missing = r.missing;
    if (r.kind === 'numeric') {
      const st = r.stats!;
      const summary = r.summary!;
      const d = decimalsFor(summary === 'mean_sd' ? st[0].sd : st[0].q1 !== null && st[0].q3 !== null ? st[0].q3 - st[0].q1 : null, summary === 'mean_sd' ? st[0].mean : st[0].median);
      head.level = summary === 'mean_sd' ? 'mean (SD)' : 'median [IQR]';
      head.overall = numericCell(st[0], summary, d);
      levels.forEach((_, j) => (head[`group_${j}`] = numericCell(st[1 + j], summary, d)));
      rows.push(head);
      st.forEach((s, c) =>
        values.push({ variable: r.name, level: null, group: colNames[c], n: s.n, mean: s.mean, sd: s.sd, median: s.median, q1: s.q1, q3: s.q3, count: null, percent: null, missing: r.missingBy[c] }),
      );
    } else {
      head.level = 'n (%)';
      rows.push(head);
      r.levels!.forEach((lv, l) => {
        const row = blank();
        row.level = lv;
        row.overall = levelCell(r.counts![l][0], r.totals![0]);
        levels.forEach((_, j) => (row[`group_${j}`] = levelCell(r.counts![l][1 + j], r.totals![1 + j])));
        rows.push(row);
      });
      r.levels!.forEach((lv, l) =>
        colNames.forEach((g, c) => {
          const t = r.totals![c];
          values.push({ variable: r.name, level: lv, group: g, n: t, mean: null, sd: null, median: null, q1: null, q3: null, count: r.counts![l][c], percent: t > 0 ? (100 * r.counts![l][c]) / t : null, missing: r.missingBy[c] });
        }),
      );
    }
  }

  // ---- notes ----
  const notes: string[] = [];
  const notesZh: string[] = [];
  notes.push('Numeric variables: mean (SD) or median [Q1, Q3] (R’s type-7 quartiles); categorical variables: n (%) of the non-missing values in each column.');
  notesZh.push('数值变量：均值（标准差）或中位数 [Q1, Q3]（R 默认 type 7 四分位数）；分类变量：n (%)，百分比以每列非缺失值为分母。');
  if (cont === 'auto') {
    notes.push(`Mean (SD) where the Shapiro–Wilk test gave p ≥ 0.05 in every ${hasGroup ? 'group' : 'sample'} with 3 to ${SHAPIRO_MAX_N} values, otherwise median [Q1, Q3].`);
    notesZh.push(`若每个${hasGroup ? '组' : '样本'}（3 至 ${SHAPIRO_MAX_N} 个值）的 Shapiro–Wilk 检验 P ≥ 0.05，则报告均值（标准差），否则报告中位数 [Q1, Q3]。`);
  }
  if (p.groupMissing > 0) {
    notes.push(`${p.groupMissing} row${p.groupMissing === 1 ? '' : 's'} with a missing “${p.groupName}” ${p.groupMissing === 1 ? 'is' : 'are'} excluded from every column.`);
    notesZh.push(`“${p.groupName}”缺失的 ${p.groupMissing} 行已从所有列中排除。`);
  }
  if (showMissing) {
    notes.push(`Missing: number of missing values of the variable${hasGroup ? ' among the rows with a group' : ''}; each variable is summarised on its own non-missing values.`);
    notesZh.push(`缺失：该变量的缺失值个数${hasGroup ? '（仅计有分组的行）' : ''}；每个变量按其自身的非缺失值汇总。`);
  }
  if (doTest) {
    notes.push(
      k === 2
        ? 'Tests: Welch t-test (mean (SD) rows), Wilcoxon rank-sum test (median rows), chi-square test without continuity correction, or Fisher’s exact test when an expected count is below 5.'
        : 'Tests: one-way ANOVA (mean (SD) rows), Kruskal–Wallis test (median rows), chi-square test without continuity correction, or Fisher’s exact test when an expected count is below 5.',
    );
    notesZh.push(
      k === 2
        ? '检验：Welch t 检验（均值行）、Wilcoxon 秩和检验（中位数行）、不校正的卡方检验；若有期望频数 < 5，用 Fisher 精确检验。'
        : '检验：单因素方差分析（均值行）、Kruskal–Wallis 检验（中位数行）、不校正的卡方检验；若有期望频数 < 5，用 Fisher 精确检验。',
    );
  }
  if (doSmd) {
    notes.push(
      `SMD: (mean₁ − mean₂) / √((SD₁² + SD₂²)/2) for numeric variables${k === 2 ? ` (“${levels[0]}” − “${levels[1]}”)` : ''}, the multi-level SMD of Yang & Dalton for categorical variables${k > 2 ? '; with more than two groups, the mean of the pairwise absolute SMDs (as tableone)' : ''}. |SMD| > 0.1 is commonly taken to flag imbalance.`,
    );
    notesZh.push(
      `SMD：数值变量为 (均值₁ − 均值₂) / √((SD₁² + SD₂²)/2)${k === 2 ? `（“${levels[0]}” − “${levels[1]}”）` : ''}，分类变量为 Yang & Dalton 的多类别 SMD${k > 2 ? '；多于两组时为两两 SMD 绝对值的均值（与 tableone 一致）' : ''}。|SMD| > 0.1 通常提示组间不均衡。`,
    );
    if (results.some((r) => r.smd === null)) {
      notes.push('A null SMD: a group has fewer than two values of that variable, or both standard deviations are 0.');
      notesZh.push('SMD 为空：某组该变量的值少于两个，或两组标准差均为 0。');
    }
  }
  for (const r of results) {
    if (r.noteEn) {
      notes.push(r.noteEn);
      notesZh.push(r.noteZh!);
    }
  }
  if (results.some((r) => (r.kind === 'numeric' && r.stats!.some((s) => s.n === 0)) || (r.kind === 'categorical' && r.totals!.some((t) => t === 0)))) {
    notes.push('“—”: no non-missing values in that column.');
    notesZh.push('“—”：该列没有非缺失值。');
  }

  const table1: ResultTable = {
    title: hasGroup ? `Baseline characteristics by ${p.groupName}` : 'Baseline characteristics',
    title_zh: hasGroup ? `按 ${p.groupName} 分组的基线特征` : '基线特征',
    columns,
    rows,
    notes,
    notes_zh: notesZh,
  };
  const table1Values: ResultTable = {
    title: 'Table 1 values (full precision)',
    title_zh: '表 1 数值（全精度）',
    columns: [
      { key: 'variable', label: 'Variable', label_zh: '变量', type: 'text' },
      { key: 'level', label: 'Level', label_zh: '水平', type: 'text' },
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
      { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
      { key: 'q1', label: 'Q1', label_zh: 'Q1', type: 'number' },
      { key: 'q3', label: 'Q3', label_zh: 'Q3', type: 'number' },
      { key: 'count', label: 'Count', label_zh: '频数', type: 'integer' },
      { key: 'percent', label: '%', label_zh: '%', type: 'number' },
      { key: 'missing', label: 'Missing', label_zh: '缺失', type: 'integer' },
    ],
    rows: values,
    notes: ['n: non-missing values of the variable in the column; percent = 100 × count / n.'],
    notes_zh: ['n：该列中该变量的非缺失值个数；百分比 = 100 × 频数 / n。'],
  };

  // ---- assumptions and warnings ----
  const assumptions: Assumption[] = [];
  for (const r of results) {
    if (r.kind === 'numeric' && r.shapiro) {
      const ps = r.shapiro.filter((s): s is { w: number; p_value: number } => s !== null).map((s) => s.p_value);
      const minP = ps.length ? Math.min(...ps) : null;
      const normal = r.summary === 'mean_sd';
      assumptions.push({
        name: `Normality of ${r.name} (Shapiro–Wilk${hasGroup ? ', per group' : ''})`,
        name_zh: `${r.name} 的正态性（Shapiro–Wilk${hasGroup ? '，按组' : ''}）`,
        p_value: minP,
        ok: ps.length ? normal : null,
        message: !ps.length
          ? `No group of ${r.name} could be tested (fewer than 3, more than ${SHAPIRO_MAX_N} or constant values); shown as mean (SD).`
          : normal
            ? `Smallest Shapiro–Wilk p = ${minP!.toPrecision(2)} ≥ 0.05: shown as mean (SD)${doTest ? (k === 2 ? ', compared with Welch’s t-test' : ', compared with one-way ANOVA') : ''}.`
            : `Smallest Shapiro–Wilk p = ${minP!.toPrecision(2)} < 0.05: shown as median [Q1, Q3]${doTest ? (k === 2 ? ', compared with the Wilcoxon rank-sum test' : ', compared with the Kruskal–Wallis test') : ''} instead of a parametric test. With large groups the Shapiro–Wilk test flags trivial departures; choose “mean (SD)” if the distribution looks roughly symmetric.`,
        message_zh: !ps.length
          ? `${r.name} 没有可检验的组（值少于 3 个、多于 ${SHAPIRO_MAX_N} 个或为常数）；报告均值（标准差）。`
          : normal
            ? `最小 Shapiro–Wilk P = ${minP!.toPrecision(2)} ≥ 0.05：报告均值（标准差）${doTest ? (k === 2 ? '，用 Welch t 检验比较' : '，用单因素方差分析比较') : ''}。`
            : `最小 Shapiro–Wilk P = ${minP!.toPrecision(2)} < 0.05：报告中位数 [Q1, Q3]${doTest ? (k === 2 ? '，改用 Wilcoxon 秩和检验' : '，改用 Kruskal–Wallis 检验') : ''}，而非参数检验。样本量大时 Shapiro–Wilk 检验会对轻微偏离也给出显著结果；若分布大致对称，可选择“均值（标准差）”。`,
      });
    }
    if (r.kind === 'categorical' && r.expectedSmall !== undefined) {
      assumptions.push({
        name: `Expected counts ≥ 5 (${r.name})`,
        name_zh: `期望频数 ≥ 5（${r.name}）`,
        ok: !r.expectedSmall,
        message: r.expectedSmall
          ? r.test === "Fisher's exact"
            ? `An expected count of ${r.name} is below 5: Fisher’s exact test was used instead of the chi-square test.`
            : `An expected count of ${r.name} is below 5 and the table is too large for Fisher’s exact test: the chi-square p-value is approximate; consider merging sparse categories.`
          : `All expected counts of ${r.name} are at least 5: chi-square test.`,
        message_zh: r.expectedSmall
          ? r.test === "Fisher's exact"
            ? `${r.name} 有期望频数 < 5：已用 Fisher 精确检验代替卡方检验。`
            : `${r.name} 有期望频数 < 5，且表过大无法进行 Fisher 精确检验：卡方 P 值只是近似值；可考虑合并稀疏类别。`
          : `${r.name} 的所有期望频数均 ≥ 5：使用卡方检验。`,
      });
    }
  }
  const warnings: ResultWarning[] = [];
  if (results.some((r) => r.noteEn?.includes('too large for Fisher'))) {
    warnings.push({
      code: 'fisher_table_too_large',
      message: 'For at least one categorical variable an expected count is below 5 but the table is too large for Fisher’s exact test; its chi-square p-value is approximate.',
      message_zh: '至少一个分类变量有期望频数 < 5，但表过大无法进行 Fisher 精确检验；其卡方 P 值只是近似值。',
    });
  }
  if (p.groupMissing > 0) {
    warnings.push({
      code: 'group_missing',
      message: `${p.groupMissing} row${p.groupMissing === 1 ? '' : 's'} with a missing “${p.groupName}” ${p.groupMissing === 1 ? 'was' : 'were'} excluded.`,
      message_zh: `已排除“${p.groupName}”缺失的 ${p.groupMissing} 行。`,
    });
  }

  const figures: ResultFigure[] = [];
  if (doSmd && results.some((r) => r.smd !== null)) figures.push(smdFigure(results));
  return { tables: { table1, table1_values: table1Values }, figures, assumptions, warnings };
}

/** A “Love plot”: |SMD| per variable with the 0.1 reference line. */
function smdFigure(results: VariableResult[]): ResultFigure {
  const data = results.filter((r) => r.smd !== null).map((r) => ({ variable: r.name, smd: Math.abs(r.smd!) }));
  const order = data.map((d) => d.variable);
  return {
    id: 'smd',
    title: 'Standardized mean differences',
    title_zh: '标准化均数差',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 360,
      height: { step: 22 },
      layer: [
        {
          data: { values: [{ x: 0.1 }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#999' },
          encoding: { x: { field: 'x', type: 'quantitative' } },
        },
        {
          data: { values: data },
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            y: { field: 'variable', type: 'nominal', sort: order, title: null },
            x: { field: 'smd', type: 'quantitative', title: '|SMD|', scale: { zero: true } },
            tooltip: [{ field: 'variable' }, { field: 'smd', format: '.3f', title: '|SMD|' }],
          },
        },
      ],
    },
  };
}
