import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, CellValue, ResultTable, ResultWarning } from '$core/results/types';
import { dropNaN } from '$core/stats/descriptive';
import { qqFigure } from '$core/results/figures/qq-figure';
import { asFactor } from '$core/stats/factor';
import { fmt, fmtP } from '$core/stats/format';
import { lillieforsTest, shapiroWilk, SHAPIRO_MAX_N } from '$core/stats/shapiro';

function list(c: ColumnData | ColumnData[] | undefined): ColumnData[] {
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

export function validate(input: RunInput): InputIssue[] {
  const vars = list(input.roles.variables);
  const issues: InputIssue[] = [];
  if (!vars.length) issues.push({ code: 'no_variables', message: { en: 'Choose at least one numeric variable.', zh: '请至少选择一个数值变量。' } });
  for (const v of vars) {
    if (v.kind !== 'numeric') {
      issues.push({ code: 'variable_not_numeric', message: { en: `“${v.name}” is not numeric; normality tests need numeric variables.`, zh: `“${v.name}”不是数值变量；正态性检验需要数值变量。` } });
    } else if (dropNaN(v.values).length < 3) {
      issues.push({
        code: 'too_few_values',
        message: { en: `“${v.name}” has fewer than 3 non-missing values; normality cannot be tested.`, zh: `“${v.name}”的非缺失值少于 3 个，无法检验正态性。` },
      });
    }
  }
  return issues;
}

export { MAX_QQ_POINTS, ppoints } from '$core/results/figures/qq-figure';

interface Series {
  variable: string;
  group: string | null;
  values: Float64Array;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const vars = list(input.roles.variables) as (ColumnData & { kind: 'numeric' })[];
  const g = list(input.roles.group)[0];
  const f = g ? asFactor(g) : null;
  const series: Series[] = [];
  for (const v of vars) {
    if (!f) {
      series.push({ variable: v.name, group: null, values: dropNaN(v.values) });
      continue;
    }
    f.levels.forEach((lv, j) => {
      const vals: number[] = [];
      for (let i = 0; i < v.values.length; i++) if (f.codes[i] === j && !Number.isNaN(v.values[i])) vals.push(v.values[i]);
      series.push({ variable: v.name, group: lv, values: Float64Array.from(vals) });
    });
  }
  const rows: Record<string, CellValue>[] = [];
  const notes = new Set<string>();
  const notesZh = new Set<string>();
  const warnings: ResultWarning[] = [];
  const assumptions: Assumption[] = [];
  for (const s of series) {
    const n = s.values.length;
    const base = { variable: s.variable, ...(f ? { group: s.group } : {}), n };
    const sw = shapiroWilk(s.values);
    const label = `${s.variable}${s.group !== null ? ` (${s.group})` : ''}`;
    if (!sw) {
      if (n > SHAPIRO_MAX_N) {
        notes.add('Shapiro–Wilk is null for n > 5000: R’s shapiro.test does not compute it; judge the Q-Q plot (at this size any test rejects trivial departures).');
        notesZh.add('n > 5000 时 Shapiro–Wilk 为空：R 的 shapiro.test 不计算；请根据 Q-Q 图判断（此样本量下任何检验都会拒绝微小偏离）。');
      } else if (n < 3) {
        notes.add('Shapiro–Wilk is null for fewer than 3 values.');
        notesZh.add('观测值少于 3 个时 Shapiro–Wilk 为空。');
      } else {
        notes.add('Tests are null where all values are identical.');
        notesZh.add('所有值都相同时检验结果为空。');
      }
    }
    rows.push({ ...base, method: 'Shapiro-Wilk normality test', statistic: sw ? sw.w : null, p_value: sw ? sw.p_value : null });
    const lt = lillieforsTest(s.values);
    if (!lt && n < 5) {
      notes.add('Lilliefors is null for fewer than 5 values (as nortest::lillie.test).');
      notesZh.add('观测值少于 5 个时 Lilliefors 检验为空（与 nortest::lillie.test 一致）。');
    }
    rows.push({ ...base, method: 'Lilliefors (Kolmogorov-Smirnov) normality test', statistic: lt ? lt.d : null, p_value: lt ? lt.p_value : null });
    const p = sw ? sw.p_value : lt ? lt.p_value : null;
    const test = sw ? 'Shapiro–Wilk' : 'Lilliefors';
    const stat = sw ? `W = ${fmt(sw.w, 4)}` : lt ? `D = ${fmt(lt.d, 4)}` : '';
    assumptions.push({
      name: `Normality of ${label}`,
      name_zh: `${label} 的正态性`,
      statistic: sw ? sw.w : lt ? lt.d : null,
      p_value: p,
      ok: p === null ? null : p >= 0.05,
      message:
        p === null
          ? `${label}: no test possible (n = ${n}); use the Q-Q plot.`
          : p < 0.05
            ? `${label} departs from normality (${test} ${stat}, p ${fmtP(p)}). For group comparisons consider rank-based tests (Mann–Whitney, Kruskal–Wallis) or a transformation${n >= 100 ? '; with n ≥ 100, t-tests and ANOVA are usually robust to moderate departures — check the Q-Q plot' : ''}.`
            : `No evidence against normality for ${label} (${test} ${stat}, p ${fmtP(p)})${n < 20 ? '; with few values the test has little power' : ''}.`,
      message_zh:
        p === null
          ? `${label}：无法检验（n = ${n}）；请参考 Q-Q 图。`
          : p < 0.05
            ? `${label} 偏离正态分布（${test} ${stat}，P ${fmtP(p)}）。组间比较可考虑秩检验（Mann–Whitney、Kruskal–Wallis）或数据变换${n >= 100 ? '；n ≥ 100 时 t 检验和方差分析通常对中度偏离稳健，请查看 Q-Q 图' : ''}。`
            : `没有证据表明 ${label} 偏离正态分布（${test} ${stat}，P ${fmtP(p)}）${n < 20 ? '；观测值较少时检验效能很低' : ''}。`,
    });
  }
  if (series.some((s) => s.values.length > SHAPIRO_MAX_N)) {
    warnings.push({
      code: 'shapiro_n_gt_5000',
      message: 'Shapiro–Wilk was not computed for samples larger than 5000 (R refuses them). Judge normality from the Q-Q plot.',
      message_zh: '样本量大于 5000 时不计算 Shapiro–Wilk 检验（R 不支持）。请根据 Q-Q 图判断正态性。',
    });
  }
  const columns: ResultTable['columns'] = [{ key: 'variable', label: 'Variable', label_zh: '变量', type: 'text' }];
  if (f) columns.push({ key: 'group', label: 'Group', label_zh: '组', type: 'text' });
  columns.push(
    { key: 'method', label: 'Test', label_zh: '检验方法', type: 'text' },
    { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
    { key: 'statistic', label: 'Statistic (W or D)', label_zh: '统计量（W 或 D）', type: 'number' },
    { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
  );
  const tidy: ResultTable = {
    title: 'Tests of normality',
    title_zh: '正态性检验',
    columns,
    rows,
    notes: ['W: Shapiro–Wilk statistic (R’s shapiro.test); D: Kolmogorov–Smirnov distance with the Lilliefors correction (p-value by Dallal–Wilkinson, as nortest::lillie.test).', ...notes],
    notes_zh: ['W：Shapiro–Wilk 统计量（R 的 shapiro.test）；D：Lilliefors 校正的 Kolmogorov–Smirnov 距离（P 值采用 Dallal–Wilkinson 近似，与 nortest::lillie.test 一致）。', ...notesZh],
  };
  return { tables: { tidy }, figures: [qqFigure(series.map((s) => ({ panel: s.group !== null ? `${s.variable} (${s.group})` : s.variable, values: s.values })))], assumptions, warnings };
}
