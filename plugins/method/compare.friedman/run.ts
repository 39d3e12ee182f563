import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { chisqUpper } from '$core/stats/distributions';
import { mean, median, nullIfNaN } from '$core/stats/descriptive';
import { asFactor, dropUnusedLevels, type Factor } from '$core/stats/factor';
import { rankAverage } from '$core/stats/rank';
import { boxFigure } from '$core/results/box-figure';

/** Up to this many values the figure draws one line per subject; above, box plots by condition. */
const MAX_PROFILE_POINTS = 5000;
/** How many incomplete subjects a message names before “…”. */
const SHOW_IDS = 10;

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

interface Prepared {
  yName: string;
  wName: string;
  idName: string;
  w: Factor;
  b: Factor;
  /** n × k matrix (block-major), NaN where a block lacks a level. */
  m: Float64Array;
  /** count of rows per block × level. */
  count: Int32Array;
  incomplete: number[];
}

function prepare(input: RunInput): Prepared | InputIssue {
  const y = single(input.roles.outcome);
  const wc = single(input.roles.within);
  const bc = single(input.roles.id);
  if (!y || !wc || !bc) {
    return { code: 'missing_role', message: { en: 'Choose an outcome, a within-subject condition and a subject (id) variable.', zh: '请选择结局变量、组内条件和对象（id）变量。' } };
  }
  if (y.kind !== 'numeric') {
    return { code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } };
  }
  const vals = y.values;
  const w0 = asFactor(wc);
  const b0 = asFactor(bc);
  const ok = (i: number) => !Number.isNaN(vals[i]) && w0.codes[i] >= 0 && b0.codes[i] >= 0;
  const w = dropUnusedLevels(w0, ok);
  const b = dropUnusedLevels(b0, ok);
  const n = b.levels.length;
  const k = w.levels.length;
  const m = new Float64Array(n * k).fill(NaN);
  const count = new Int32Array(n * k);
  for (let i = 0; i < vals.length; i++) {
    if (b.codes[i] < 0 || w.codes[i] < 0) continue;
    const cell = b.codes[i] * k + w.codes[i];
    count[cell]++;
    m[cell] = vals[i];
  }
  const incomplete: number[] = [];
  for (let s = 0; s < n; s++) {
    for (let j = 0; j < k; j++) {
      if (count[s * k + j] !== 1) {
        incomplete.push(s);
        break;
      }
    }
  }
  return { yName: y.name, wName: wc.name, idName: bc.name, w, b, m, count, incomplete };
}

function quoteList(items: string[], zh: boolean): string {
  const shown = items.slice(0, SHOW_IDS).join(zh ? '、' : ', ');
  return items.length > SHOW_IDS ? `${shown}${zh ? '、…' : ', …'}` : shown;
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const k = p.w.levels.length;
  const n = p.b.levels.length;
  if (k < 2) {
    return [
      {
        code: 'too_few_levels',
        message: {
          en: `The condition “${p.wName}” has ${k} level${k === 1 ? '' : 's'} among the rows with data; the Friedman test compares at least 2 (usually 3 or more) conditions.`,
          zh: `条件“${p.wName}”在有数据的行中只有 ${k} 个水平；Friedman 检验至少比较 2 个（通常 3 个或更多）条件。`,
        },
      },
    ];
  }
  if (p.incomplete.length) {
    const ids = p.incomplete.map((s) => p.b.levels[s]);
    const dup = p.incomplete.filter((s) => {
      for (let j = 0; j < k; j++) if (p.count[s * k + j] > 1) return true;
      return false;
    }).length;
    const miss = p.incomplete.length - dup;
    const what = [miss ? `${miss} lack a value for at least one level` : '', dup ? `${dup} have more than one row for a level` : ''].filter(Boolean).join(' and ');
    const whatZh = [miss ? `${miss} 个在某个水平上缺少数据` : '', dup ? `${dup} 个在某个水平上有多行` : ''].filter(Boolean).join('，');
    const allNumeric = ids.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
    const lit = (v: string) => (allNumeric ? v : `'${v.replace(/'/g, "''")}'`);
    const filter = `"${p.idName}" NOT IN (${ids.slice(0, 50).map(lit).join(', ')}${ids.length > 50 ? ', …' : ''})`;
    return [
      {
        code: 'incomplete_blocks',
        message: {
          en: `The Friedman test needs every subject to have exactly one value of “${p.yName}” for each of the ${k} levels of “${p.wName}”, but ${p.incomplete.length} of ${n} subjects do not (${what}): ${p.idName} = ${quoteList(ids, false)}. Remove them (e.g. filter ${filter}), aggregate duplicate rows first, or use a linear mixed model, which allows missing measurements.`,
          zh: `Friedman 检验要求每个对象在“${p.wName}”的 ${k} 个水平上各恰有一个“${p.yName}”值，但 ${n} 个对象中有 ${p.incomplete.length} 个不满足（${whatZh}）：${p.idName} = ${quoteList(ids, true)}。请剔除这些对象（例如筛选条件 ${filter}）、先合并重复行，或改用允许缺失测量的线性混合模型。`,
        },
      },
    ];
  }
  if (n < 2) {
    return [
      {
        code: 'too_few_subjects',
        message: {
          en: `There ${n === 1 ? 'is 1 subject' : `are ${n} subjects`}; the Friedman test needs at least 2 subjects (blocks).`,
          zh: `只有 ${n} 个对象；Friedman 检验至少需要 2 个对象（区组）。`,
        },
      },
    ];
  }
  return [];
}

export interface FriedmanResult {
  statistic: number;
  df: number;
  p_value: number;
  kendall_w: number;
  rankSums: Float64Array;
  ties: number;
}

/** R's friedman.test on a complete n × k matrix (block-major): ranks within blocks, tie-corrected. */
export function friedman(m: Float64Array, n: number, k: number): FriedmanResult {
  const rankSums = new Float64Array(k);
  let ties = 0;
  const row = new Float64Array(k);
  for (let s = 0; s < n; s++) {
    for (let j = 0; j < k; j++) row[j] = m[s * k + j];
    if (k <= 32) {
      // average rank = 1 + #less + (#equal − 1) / 2; Σ over tie groups (t³ − t) = Σ_j (c_j² − 1)
      for (let j = 0; j < k; j++) {
        let less = 0;
        let eq = 0;
        for (let l = 0; l < k; l++) {
          if (row[l] < row[j]) less++;
          else if (row[l] === row[j]) eq++;
        }
        rankSums[j] += 1 + less + (eq - 1) / 2;
        ties += eq * eq - 1;
      }
    } else {
      const r = rankAverage(row);
      for (let j = 0; j < k; j++) rankSums[j] += r.ranks[j];
      for (const t of r.ties) ties += t * t * t - t;
    }
  }
  let ss = 0;
  const centre = (n * (k + 1)) / 2;
  for (let j = 0; j < k; j++) ss += (rankSums[j] - centre) ** 2;
  const denom = n * k * (k + 1) - ties / (k - 1);
  const statistic = (12 * ss) / denom;
  const df = k - 1;
  return { statistic, df, p_value: chisqUpper(statistic, df), kendall_w: statistic / (n * (k - 1)), rankSums, ties };
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const n = p.b.levels.length;
  const k = p.w.levels.length;
  const r = friedman(p.m, n, k);
  const warnings: ResultWarning[] = [];
  const notes: string[] = [];
  const notesZh: string[] = [];
  const defined = Number.isFinite(r.statistic);
  if (!defined) {
    warnings.push({
      code: 'all_tied',
      message: `Within every subject all ${k} values of “${p.yName}” are equal, so there is nothing to rank: the statistic, p-value and Kendall’s W are undefined.`,
      message_zh: `每个对象内“${p.yName}”的 ${k} 个值都相同，无法编秩：统计量、P 值和 Kendall W 无定义。`,
    });
    notes.push('statistic, p_value and kendall_w are null: all values are tied within every subject (0/0).');
    notesZh.push('统计量、P 值和 Kendall W 为空：每个对象内所有值都相同（0/0）。');
  }
  if (r.ties > 0 && defined) {
    notes.push('Ranks tied within subjects are averaged and the statistic is corrected for ties, as in R.');
    notesZh.push('对象内相同的值取平均秩，统计量经结校正，与 R 一致。');
  }
  notes.push(`Friedman chi-squared on ${k - 1} df (chi-square approximation); Kendall’s W = statistic / (n (k − 1)) with n = ${n} subjects, k = ${k} conditions.`);
  notesZh.push(`Friedman 卡方，自由度 ${k - 1}（卡方近似）；Kendall W = 统计量 / (n (k − 1))，n = ${n} 个对象，k = ${k} 个条件。`);
  const tidy: ResultTable = {
    title: 'Friedman rank sum test',
    title_zh: 'Friedman 秩和检验',
    columns: [
      { key: 'statistic', label: 'Friedman χ²', label_zh: 'Friedman χ²', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'kendall_w', label: 'Kendall’s W', label_zh: 'Kendall W', type: 'number' },
      { key: 'n_blocks', label: 'Subjects', label_zh: '对象数', type: 'integer' },
      { key: 'n_levels', label: 'Conditions', label_zh: '条件数', type: 'integer' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: nullIfNaN(r.statistic), df: r.df, p_value: nullIfNaN(r.p_value), kendall_w: nullIfNaN(r.kendall_w), n_blocks: n, n_levels: k, method: 'Friedman rank sum test' }],
    notes,
    notes_zh: notesZh,
  };
  const cols = p.w.levels.map((_, j) => Float64Array.from({ length: n }, (_, s) => p.m[s * k + j]));
  const ranks: ResultTable = {
    title: `Ranks of ${p.yName} within ${p.idName}, by ${p.wName}`,
    title_zh: `按 ${p.wName} 分组的 ${p.yName}（在 ${p.idName} 内编秩）`,
    columns: [
      { key: 'level', label: p.wName, label_zh: p.wName, type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'rank_sum', label: 'Rank sum', label_zh: '秩和', type: 'number' },
      { key: 'mean_rank', label: 'Mean rank', label_zh: '平均秩', type: 'number' },
      { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
    ],
    rows: p.w.levels.map((level, j) => ({ level, n, rank_sum: r.rankSums[j], mean_rank: r.rankSums[j] / n, median: nullIfNaN(median(cols[j])), mean: nullIfNaN(mean(cols[j])) })),
  };
  const assumptions: Assumption[] = [
    {
      name: 'Complete blocks',
      name_zh: '区组完整',
      ok: true,
      message: `All ${n} subjects have exactly one value for each of the ${k} conditions.`,
      message_zh: `全部 ${n} 个对象在 ${k} 个条件上各恰有一个值。`,
    },
  ];
  if (n < 10 && k >= 3) {
    assumptions.push({
      name: 'Chi-square approximation',
      name_zh: '卡方近似',
      ok: null,
      message: `With only ${n} subjects the chi-square p-value is approximate; exact tables (or a permutation test) are more accurate for very small designs.`,
      message_zh: `只有 ${n} 个对象时卡方 P 值只是近似值；对于很小的设计，精确表（或置换检验）更准确。`,
    });
  }
  if (k === 2) {
    warnings.push({
      code: 'two_conditions',
      message: 'With two conditions the Friedman test is the sign test; the Wilcoxon signed-rank test (compare.wilcoxon_signed_rank) uses the data more fully.',
      message_zh: '只有两个条件时 Friedman 检验等价于符号检验；Wilcoxon 符号秩检验（compare.wilcoxon_signed_rank）能更充分地利用数据。',
    });
  }
  return { tables: { tidy, ranks }, figures: [figure(p, cols)], assumptions, warnings };
}

function figure(p: Prepared, cols: Float64Array[]): ResultFigure {
  const n = p.b.levels.length;
  const k = p.w.levels.length;
  const title = { en: `${p.yName} by ${p.wName}, one line per ${p.idName}`, zh: `各 ${p.wName} 的 ${p.yName}（每个 ${p.idName} 一条线）` };
  if (n * k > MAX_PROFILE_POINTS) {
    return boxFigure({ id: 'profiles', title: `${p.yName} by ${p.wName}`, title_zh: `各 ${p.wName} 的 ${p.yName}`, valueTitle: p.yName, groups: p.w.levels.map((name, j) => ({ name, values: cols[j] })) });
  }
  const values: { id: string; level: string; value: number }[] = [];
  for (let s = 0; s < n; s++) for (let j = 0; j < k; j++) values.push({ id: p.b.levels[s], level: p.w.levels[j], value: p.m[s * k + j] });
  const medians = p.w.levels.map((level, j) => ({ level, median: median(cols[j]) }));
  const x = { field: 'level', type: 'ordinal', title: p.wName, sort: p.w.levels };
  return {
    id: 'profiles',
    title: title.en,
    title_zh: title.zh,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: { step: 90 },
      height: 260,
      layer: [
        {
          data: { values },
          mark: { type: 'line', color: '#999', opacity: 0.45, strokeWidth: 1, point: { filled: true, size: 16, color: '#666' } },
          encoding: { x, y: { field: 'value', type: 'quantitative', title: p.yName, scale: { zero: false } }, detail: { field: 'id', type: 'nominal' }, tooltip: [{ field: 'id', type: 'nominal', title: p.idName }, { field: 'value', type: 'quantitative' }] },
        },
        {
          data: { values: medians },
          mark: { type: 'line', color: '#c0392b', strokeWidth: 3, point: { filled: true, size: 60, color: '#c0392b' } },
          encoding: { x, y: { field: 'median', type: 'quantitative' }, tooltip: [{ field: 'level', type: 'nominal' }, { field: 'median', type: 'quantitative', format: '.4~g' }] },
        },
      ],
    },
  };
}

