/**
 * Pieces shared by the one-sample and paired t-tests (compare.ttest_paired imports them):
 * the tidy table, the normality check and the box plot with a rule at μ.
 */
import type { Assumption, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import type { TTest1Result } from '$core/stats/ttest';
import { skewness } from '$core/stats/descriptive';
import { shapiroWilk, SHAPIRO_MAX_N } from '$core/stats/shapiro';
import { boxFigure } from '$core/results/box-figure';
import { fmt } from '$core/stats/format';

export function pctLabel(confLevel: number): string {
  return `${Math.round(confLevel * 1000) / 10}%`;
}

/** The tidy table of a one-sample or paired t-test, with notes on any null cell. */
export function tidyTable(r: TTest1Result, confLevel: number, mu: number, what: { en: string; zh: string }, paired: boolean): { table: ResultTable; warnings: ResultWarning[] } {
  const pct = pctLabel(confLevel);
  const notes: string[] = [];
  const notesZh: string[] = [];
  const warnings: ResultWarning[] = [];
  if (r.statistic === null) {
    warnings.push({
      code: 'constant_data',
      message: `${paired ? 'The differences' : 'The values'} of ${what.en} are (essentially) constant, so the standard error is zero and the t statistic, p-value and confidence interval are undefined (R stops with “data are essentially constant”).`,
      message_zh: `${what.zh}${paired ? '的差值' : ''}（几乎）为常数，标准误为零，t 统计量、P 值和置信区间无定义（R 会报错“data are essentially constant”）。`,
    });
    notes.push('statistic, p_value and the confidence interval are null: the data are essentially constant (standard error 0).');
    notesZh.push('t 值、P 值和置信区间为空：数据（几乎）为常数，标准误为 0。');
  } else if (r.alternative === 'less') {
    notes.push('conf_low is null: a one-sided (less) interval has no lower bound (−∞).');
    notesZh.push('置信区间下限为空：单侧（左侧）区间没有下限（−∞）。');
  } else if (r.alternative === 'greater') {
    notes.push('conf_high is null: a one-sided (greater) interval has no upper bound (+∞).');
    notesZh.push('置信区间上限为空：单侧（右侧）区间没有上限（+∞）。');
  }
  notes.push(`estimate = ${paired ? `mean of the differences ${what.en}` : `mean of ${what.en}`}; ${pct} confidence interval; null hypothesis: ${paired ? 'mean difference' : 'mean'} = ${mu}.`);
  notesZh.push(`估计值 = ${paired ? `差值 ${what.zh} 的均值` : `${what.zh} 的均值`}；${pct} 置信区间；原假设：${paired ? '差值均值' : '均值'} = ${mu}。`);
  const table: ResultTable = {
    title: r.method,
    title_zh: paired ? '配对 t 检验' : '单样本 t 检验',
    columns: [
      { key: 'estimate', label: paired ? 'Mean difference' : 'Mean', label_zh: paired ? '差值均值' : '均值', type: 'number' },
      { key: 'std_error', label: 'SE', label_zh: '标准误', type: 'number' },
      { key: 'statistic', label: 't', label_zh: 't', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
      { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
    ],
    rows: [
      {
        estimate: r.estimate,
        std_error: Number.isFinite(r.std_error) ? r.std_error : null,
        statistic: r.statistic,
        df: r.df,
        p_value: r.p_value,
        conf_low: r.conf_low,
        conf_high: r.conf_high,
        method: r.method,
        alternative: r.alternative,
      },
    ],
    notes,
    notes_zh: notesZh,
  };
  return { table, warnings };
}

/**
 * Normality of the values (one sample) or of the differences (paired): Shapiro–Wilk for
 * 3 ≤ n ≤ 5000, else (or when W is undefined) a judgement from n and the skewness.
 */
export function normalityAssumption(x: ArrayLike<number>, what: { en: string; zh: string }, paired: boolean): Assumption {
  const n = x.length;
  const name = paired ? 'Normality of the differences' : 'Normality';
  const nameZh = paired ? '差值的正态性' : '正态性';
  const alt = { en: 'the Wilcoxon signed-rank test (compare.wilcoxon_signed_rank)', zh: 'Wilcoxon 符号秩检验（compare.wilcoxon_signed_rank）' };
  const subj = paired ? { en: `the differences ${what.en}`, zh: `差值 ${what.zh}` } : { en: what.en, zh: what.zh };
  const sw = n <= SHAPIRO_MAX_N ? shapiroWilk(x) : null;
  const g1 = skewness(x);
  const skewText = Number.isFinite(g1) ? fmt(g1, 2) : 'NA';
  if (sw) {
    const small = n < 30;
    const rejected = sw.p_value < 0.05;
    // with n >= 30 the t-test is robust unless the skewness is strong
    const ok = !rejected ? true : small ? false : Math.abs(g1) < 1;
    return {
      name: `${name} (Shapiro–Wilk)`,
      name_zh: `${nameZh}（Shapiro–Wilk 检验）`,
      statistic: sw.w,
      p_value: sw.p_value,
      ok,
      message: !rejected
        ? `No evidence against normality of ${subj.en} (W = ${fmt(sw.w, 4)}, p = ${fmt(sw.p_value, 2)}, n = ${n}). With small samples this test has little power; look at the box plot too.`
        : ok
          ? `Shapiro–Wilk rejects normality of ${subj.en} (W = ${fmt(sw.w, 4)}, p = ${fmt(sw.p_value, 2)}), but with n = ${n} and skewness ${skewText} the t-test is robust to this departure. If outliers dominate, consider ${alt.en}.`
          : `${subj.en[0].toUpperCase()}${subj.en.slice(1)} do${paired ? '' : 'es'} not look normal (W = ${fmt(sw.w, 4)}, p = ${fmt(sw.p_value, 2)}, n = ${n}, skewness ${skewText}); the t-test may be unreliable. Consider ${alt.en}.`,
      message_zh: !rejected
        ? `没有证据表明${subj.zh}偏离正态（W = ${fmt(sw.w, 4)}，P = ${fmt(sw.p_value, 2)}，n = ${n}）。小样本时该检验效能较低，请同时查看箱线图。`
        : ok
          ? `Shapiro–Wilk 检验拒绝${subj.zh}服从正态分布（W = ${fmt(sw.w, 4)}，P = ${fmt(sw.p_value, 2)}），但在 n = ${n}、偏度 ${skewText} 时 t 检验对此偏离较为稳健。若离群值明显，可考虑${alt.zh}。`
          : `${subj.zh}不像正态分布（W = ${fmt(sw.w, 4)}，P = ${fmt(sw.p_value, 2)}，n = ${n}，偏度 ${skewText}）；t 检验结果可能不可靠，建议改用${alt.zh}。`,
    };
  }
  const strong = Number.isFinite(g1) && Math.abs(g1) >= 1;
  const ok = n < 3 ? null : n >= 30 ? !strong || n > 200 : !strong ? null : false;
  return {
    name,
    name_zh: nameZh,
    ok,
    message:
      n > SHAPIRO_MAX_N
        ? `n = ${n} is beyond the Shapiro–Wilk test (≤ 5000); at this size the t-test is robust to non-normality (skewness ${skewText}).`
        : `Normality of ${subj.en} cannot be tested (n = ${n} or no variation; skewness ${skewText}). The t-test relies on it at small n; if in doubt use ${alt.en}.`,
    message_zh:
      n > SHAPIRO_MAX_N
        ? `n = ${n} 超出 Shapiro–Wilk 检验的范围（≤ 5000）；在此样本量下 t 检验对非正态较为稳健（偏度 ${skewText}）。`
        : `无法检验${subj.zh}的正态性（n = ${n} 或无变异；偏度 ${skewText}）。小样本时 t 检验依赖正态性；如有疑问请改用${alt.zh}。`,
  };
}

/** A box plot of one sample (or the differences) with a dashed rule at μ. */
export function muBoxFigure(id: string, title: { en: string; zh: string }, valueTitle: string, name: string, x: ArrayLike<number>, mu: number): ResultFigure {
  const fig = boxFigure({ id, title: title.en, title_zh: title.zh, valueTitle, groups: [{ name, values: x }] });
  const layer = (fig.spec.layer as Record<string, unknown>[]).slice();
  layer.push({
    data: { values: [{ mu, label: `μ = ${mu}` }] },
    mark: { type: 'rule', color: '#c0392b', strokeDash: [6, 4], strokeWidth: 1.5 },
    encoding: { y: { field: 'mu', type: 'quantitative' }, tooltip: [{ field: 'label', type: 'nominal' }] },
  });
  return { ...fig, spec: { ...fig.spec, layer } };
}
