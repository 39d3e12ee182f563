/**
 * Shared by correlate.pearson, correlate.spearman and correlate.kendall: input checks, the
 * scatter plot, the tidy table, the normality check and the reporting sentences.
 */
import type { ColumnData, InputIssue, NumericColumn, OptionSpec, RoleSpec, RunInput } from '$core/plugin/types';
import type { Assumption, CellValue, Result, ResultColumn, ResultTable } from '$core/results/types';
import type { AnalysisSpec } from '$core/results/types';
import { shapiroWilk, SHAPIRO_MAX_N } from '$core/stats/shapiro';
import { fmt, fmtP, fmtPct, rName, rString } from '$core/stats/format';

export type CorMethod = 'pearson' | 'spearman' | 'kendall';

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

export function pairOf(input: RunInput): { x: NumericColumn; y: NumericColumn } | InputIssue {
  const x = single(input.roles.x);
  const y = single(input.roles.y);
  if (!x || !y) return { code: 'missing_role', message: { en: 'Choose two numeric variables, x and y.', zh: '请选择两个数值变量 x 和 y。' } };
  for (const c of [x, y]) {
    if (c.kind !== 'numeric') {
      return { code: 'not_numeric', message: { en: `“${c.name}” must be numeric for a correlation.`, zh: `相关分析要求“${c.name}”为数值变量。` } };
    }
  }
  return { x: x as NumericColumn, y: y as NumericColumn };
}

export function isConstant(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** Issues shared by the three pairwise correlations: at least 3 complete pairs, neither variable constant. */
export function validatePair(input: RunInput): InputIssue[] {
  const p = pairOf(input);
  if ('code' in p) return [p];
  const n = p.x.values.length;
  if (n < 3) {
    return [
      {
        code: 'too_few_rows',
        message: {
          en: `Only ${n} row${n === 1 ? '' : 's'} with both “${p.x.name}” and “${p.y.name}” present; a correlation test needs at least 3.`,
          zh: `同时有“${p.x.name}”和“${p.y.name}”的行只有 ${n} 行；相关性检验至少需要 3 行。`,
        },
      },
    ];
  }
  const issues: InputIssue[] = [];
  for (const c of [p.x, p.y]) {
    if (isConstant(c.values)) {
      issues.push({
        code: 'constant_data',
        message: {
          en: `“${c.name}” has the same value in every row used, so its correlation with anything is undefined.`,
          zh: `“${c.name}”在所用的每一行中取值都相同，与任何变量的相关系数都无定义。`,
        },
      });
    }
  }
  return issues;
}

export { MAX_SCATTER_POINTS, scatterFigure } from '$core/results/figures/scatter-figure';

/** Normality of x and y by Shapiro–Wilk (information for Pearson's test). */
export function normalityAssumptions(x: NumericColumn, y: NumericColumn, forPearson: boolean): Assumption[] {
  const out: Assumption[] = [];
  for (const c of [x, y]) {
    const n = c.values.length;
    if (n > SHAPIRO_MAX_N) {
      out.push({
        name: `Normality (${c.name})`,
        name_zh: `正态性（${c.name}）`,
        ok: null,
        message: `n = ${n} > 5000: Shapiro–Wilk is not computed (as R); at this size the test of r relies little on normality. Look at the scatter plot for outliers and curvature.`,
        message_zh: `n = ${n} > 5000：不计算 Shapiro–Wilk 检验（与 R 一致）；在此样本量下 r 的检验对正态性依赖很小。请查看散点图有无离群值和曲线关系。`,
      });
      continue;
    }
    const sw = shapiroWilk(c.values);
    if (!sw) continue;
    const bad = sw.p_value < 0.05;
    out.push({
      name: `Normality (${c.name}, Shapiro–Wilk)`,
      name_zh: `正态性（${c.name}，Shapiro–Wilk 检验）`,
      statistic: sw.w,
      p_value: sw.p_value,
      ok: forPearson ? !bad : true,
      message: forPearson
        ? bad
          ? `“${c.name}” departs from normality (W = ${fmt(sw.w, 4)}, p ${fmtP(sw.p_value)}). The p-value and confidence interval of Pearson’s r assume bivariate normality; consider Spearman’s rho or Kendall’s tau, which use ranks.`
          : `No evidence against normality of “${c.name}” (W = ${fmt(sw.w, 4)}, p ${fmtP(sw.p_value)}).`
        : `“${c.name}”: W = ${fmt(sw.w, 4)}, p ${fmtP(sw.p_value)} (rank correlations do not assume normality; shown for information).`,
      message_zh: forPearson
        ? bad
          ? `“${c.name}”偏离正态分布（W = ${fmt(sw.w, 4)}，P ${fmtP(sw.p_value)}）。Pearson 相关系数的 P 值和置信区间假定二元正态分布；可考虑基于秩的 Spearman 或 Kendall 相关。`
          : `没有证据表明“${c.name}”偏离正态分布（W = ${fmt(sw.w, 4)}，P ${fmtP(sw.p_value)}）。`
        : `“${c.name}”：W = ${fmt(sw.w, 4)}，P ${fmtP(sw.p_value)}（秩相关不要求正态分布，仅供参考）。`,
    });
  }
  return out;
}

export const METHOD_NAME: Record<CorMethod, string> = {
  pearson: "Pearson's product-moment correlation",
  spearman: "Spearman's rank correlation rho",
  kendall: "Kendall's rank correlation tau",
};
const METHOD_ZH: Record<CorMethod, string> = {
  pearson: 'Pearson 积矩相关',
  spearman: 'Spearman 秩相关（rho）',
  kendall: 'Kendall 秩相关（tau）',
};
const SYMBOL: Record<CorMethod, string> = { pearson: 'r', spearman: 'rho', kendall: 'tau' };

export function tidyTable(method: CorMethod, row: Record<string, CellValue>, statLabel: string, confLevel: number, notes: string[], notesZh: string[]): ResultTable {
  const cols: ResultColumn[] = [
    { key: 'estimate', label: method === 'pearson' ? 'r' : method === 'spearman' ? 'rho' : 'tau', label_zh: method === 'pearson' ? 'r' : method === 'spearman' ? 'rho' : 'tau', type: 'number' },
    { key: 'statistic', label: statLabel, label_zh: statLabel, type: 'number' },
  ];
  if (method === 'pearson') cols.push({ key: 'df', label: 'df', label_zh: '自由度', type: 'integer' });
  cols.push({ key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' });
  if (method === 'pearson') {
    const pct = fmtPct(confLevel);
    cols.push({ key: 'conf_low', label: `${pct}% CI low`, label_zh: `${pct}% CI 下限`, type: 'ci' });
    cols.push({ key: 'conf_high', label: `${pct}% CI high`, label_zh: `${pct}% CI 上限`, type: 'ci' });
  }
  cols.push({ key: 'method', label: 'Method', label_zh: '方法', type: 'text' });
  cols.push({ key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' });
  return { title: METHOD_NAME[method], title_zh: METHOD_ZH[method], columns: cols, rows: [row], notes, notes_zh: notesZh };
}

function strength(r: number): { en: string; zh: string } {
  const a = Math.abs(r);
  if (a < 0.1) return { en: 'negligible', zh: '可忽略的' };
  if (a < 0.3) return { en: 'weak', zh: '弱' };
  if (a < 0.5) return { en: 'moderate', zh: '中等' };
  return { en: 'strong', zh: '强' };
}

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reporting sentences for a pairwise correlation result. */
export function interpretPair(method: CorMethod, result: Result, input: RunInput): { en: string[]; zh: string[] } {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  if (!t) return { en, zh };
  const xn = single(input.roles.x)?.name ?? 'x';
  const yn = single(input.roles.y)?.name ?? 'y';
  const n = result.n?.used ?? input.n.used;
  const r = num(t.estimate);
  const p = num(t.p_value);
  const sym = SYMBOL[method];
  const alt = String(t.alternative ?? input.options.alternative ?? 'two.sided');
  if (r === null) {
    en.push(`The correlation between ${xn} and ${yn} is undefined (one variable does not vary).`);
    zh.push(`${xn} 与 ${yn} 的相关系数无定义（其中一个变量没有变异）。`);
    return { en, zh };
  }
  const s = strength(r);
  const dirEn = r > 0 ? 'positive ' : r < 0 ? 'negative ' : '';
  const dirZh = r > 0 ? '正' : r < 0 ? '负' : '';
  let ciEn = '';
  let ciZh = '';
  if (method === 'pearson' && num(t.conf_low) !== null && num(t.conf_high) !== null) {
    const pct = fmtPct(Number(input.options.conf_level ?? 0.95));
    ciEn = `, ${pct}% CI ${fmt(num(t.conf_low))} to ${fmt(num(t.conf_high))}`;
    ciZh = `，${pct}% 置信区间 ${fmt(num(t.conf_low))} 至 ${fmt(num(t.conf_high))}`;
  }
  const sideEn = alt === 'two.sided' ? '' : `, one-sided (${alt})`;
  const sideZh = alt === 'two.sided' ? '' : `，单侧（${alt === 'less' ? '负相关' : '正相关'}）`;
  en.push(
    `There was a ${s.en} ${dirEn}${method === 'pearson' ? 'linear' : 'monotonic'} correlation between ${xn} and ${yn} (${METHOD_NAME[method].replace("'s", '’s')}: ${sym} = ${fmt(r)}${ciEn}, p ${fmtP(p)}${sideEn}, n = ${n}).`,
  );
  zh.push(
    `${xn} 与 ${yn} 之间存在${s.zh}${dirZh}${method === 'pearson' ? '线性' : '单调'}相关（${METHOD_ZH[method]}：${sym} = ${fmt(r)}${ciZh}，P ${fmtP(p)}${sideZh}，n = ${n}）。`,
  );
  if (p !== null) {
    if (p < 0.05) {
      en.push(`At the 5% level the data are not compatible with no ${method === 'pearson' ? 'linear' : 'monotonic'} association (${sym} = 0).`);
      zh.push(`在 5% 检验水准下，数据与“无${method === 'pearson' ? '线性' : '单调'}相关（${sym} = 0）”不相容。`);
    } else {
      en.push(`At the 5% level the test did not reject ${sym} = 0; this does not show that the variables are unrelated${method === 'pearson' ? ', and a curved relation can give r near 0' : ''}.`);
      zh.push(`在 5% 检验水准下未能拒绝 ${sym} = 0；这并不表示两个变量无关${method === 'pearson' ? '，曲线关系也可能使 r 接近 0' : ''}。`);
    }
  }
  en.push(
    method === 'pearson'
      ? 'Pearson’s r measures the strength of a straight-line association and is sensitive to outliers; it does not show causation, nor agreement between two measurements (use Bland–Altman for that).'
      : `${method === 'spearman' ? 'Spearman’s rho' : 'Kendall’s tau'} uses ranks and measures how consistently one variable increases (or decreases) with the other; it is robust to outliers but does not show causation or agreement.`,
  );
  zh.push(
    method === 'pearson'
      ? 'Pearson 相关系数衡量直线关系的强度，易受离群值影响；它不能说明因果关系，也不能说明两种测量的一致性（一致性请用 Bland–Altman 分析）。'
      : `${method === 'spearman' ? 'Spearman 相关' : 'Kendall 相关'}基于秩，衡量一个变量随另一个变量单调增加（或减少）的一致程度；它对离群值稳健，但不能说明因果关系或一致性。`,
  );
  return { en, zh };
}

/** R code: cor.test(~ x + y, data = d, method = ..., ...). */
export function rCodePair(method: CorMethod, spec: AnalysisSpec): string {
  const o = spec.options ?? {};
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const x = rName(one(spec.roles.x));
  const y = rName(one(spec.roles.y));
  const args = [`~ ${x} + ${y}`, 'data = d', `method = ${rString(method)}`, `alternative = ${rString(String(o.alternative ?? 'two.sided'))}`];
  if (method === 'pearson') args.push(`conf.level = ${Number(o.conf_level ?? 0.95)}`);
  else {
    const ex = String(o.exact ?? 'auto');
    args.push(`exact = ${ex === 'true' ? 'TRUE' : ex === 'false' ? 'FALSE' : 'NULL'}`);
    args.push(`continuity = ${o.continuity ? 'TRUE' : 'FALSE'}`);
  }
  return [`fit <- cor.test(${args.join(', ')})`, 'fit', 'broom::tidy(fit)', `plot(d$${x}, d$${y}); abline(lm(${y} ~ ${x}, data = d), col = "red")`].join('\n');
}
