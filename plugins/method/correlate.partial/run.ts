import type { ColumnData, InputIssue, NumericColumn, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultTable, ResultWarning } from '$core/results/types';
import { partialTest, pearson, residualize } from '$core/stats/correlation';
import { rankAverage } from '$core/stats/rank';
import { scatterFigure, isConstant } from '../correlate.pearson/pairwise';

function list(c: ColumnData | ColumnData[] | undefined): ColumnData[] {
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

export function validate(input: RunInput): InputIssue[] {
  const x = list(input.roles.x)[0];
  const y = list(input.roles.y)[0];
  const zs = list(input.roles.covariates);
  const issues: InputIssue[] = [];
  if (!x || !y || !zs.length) return [{ code: 'missing_role', message: { en: 'Choose x, y and at least one covariate.', zh: '请选择 x、y 和至少一个控制变量。' } }];
  for (const c of [x, y, ...zs]) {
    if (c.kind !== 'numeric') issues.push({ code: 'not_numeric', message: { en: `“${c.name}” must be numeric.`, zh: `“${c.name}”必须是数值变量。` } });
  }
  if (issues.length) return issues;
  const names = [x, y, ...zs].map((c) => c.name);
  if (new Set(names).size < names.length) issues.push({ code: 'duplicate_variable', message: { en: 'x, y and the covariates must be different columns.', zh: 'x、y 与控制变量必须是不同的列。' } });
  const n = (x as NumericColumn).values.length;
  if (n - 2 - zs.length < 1) {
    issues.push({
      code: 'too_few_rows',
      message: {
        en: `${n} complete rows are too few for ${zs.length} covariate(s): at least ${zs.length + 3} are needed.`,
        zh: `${n} 行完整数据不足以控制 ${zs.length} 个协变量：至少需要 ${zs.length + 3} 行。`,
      },
    });
  }
  for (const c of [x, y, ...zs] as NumericColumn[]) {
    if (n > 0 && isConstant(c.values)) {
      issues.push({ code: 'constant_data', message: { en: `“${c.name}” is constant in the rows used.`, zh: `“${c.name}”在所用的行中为常数。` } });
    }
  }
  return issues;
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const x = list(input.roles.x)[0] as NumericColumn;
  const y = list(input.roles.y)[0] as NumericColumn;
  const zs = list(input.roles.covariates) as NumericColumn[];
  const method = String(input.options.method ?? 'pearson') as 'pearson' | 'spearman';
  const t = partialTest(x.values, y.values, zs.map((z) => z.values), method);
  const rank = (v: Float64Array) => (method === 'spearman' ? rankAverage(v).ranks : v);
  const zIn = zs.map((z) => rank(z.values));
  const { residuals, rank: used } = residualize([rank(x.values), rank(y.values)], zIn);
  const zero = pearson(rank(x.values), rank(y.values));
  const warnings: ResultWarning[] = [];
  if (used < zs.length) {
    warnings.push({
      code: 'collinear_covariates',
      message: 'Some covariates are linear combinations of others; ppcor would fail (singular covariance matrix). The redundant ones were ignored in the residuals, but df still counts all covariates.',
      message_zh: '部分协变量是其他协变量的线性组合；ppcor 会因协方差矩阵奇异而报错。计算残差时已忽略冗余协变量，但自由度仍按全部协变量计算。',
    });
  }
  const notes = [
    `Residuals of ${method === 'spearman' ? 'the ranks of ' : ''}${x.name} and ${y.name} on ${zs.map((z) => z.name).join(', ')}; t = r √((n − 2 − gp)/(1 − r²)) with n − 2 − gp = ${t.n - 2 - t.gp} df, two-sided (as ppcor::pcor.test).`,
  ];
  const notesZh = [`${x.name} 与 ${y.name}${method === 'spearman' ? '的秩' : ''}对 ${zs.map((z) => z.name).join('、')} 回归后的残差相关；t = r √((n − 2 − gp)/(1 − r²))，自由度 ${t.n - 2 - t.gp}，双侧（与 ppcor::pcor.test 一致）。`];
  if (t.statistic === null && t.estimate !== null) {
    notes.push('statistic is null: |r| = 1 (t infinite).');
    notesZh.push('t 值为空：|r| = 1（t 为无穷大）。');
  }
  const tidy: ResultTable = {
    title: `Partial correlation (${method === 'pearson' ? 'Pearson' : 'Spearman'})`,
    title_zh: `偏相关（${method === 'pearson' ? 'Pearson' : 'Spearman'}）`,
    columns: [
      { key: 'estimate', label: 'Partial r', label_zh: '偏相关系数', type: 'number' },
      { key: 'statistic', label: 't', label_zh: 't', type: 'number' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'gp', label: 'Covariates', label_zh: '控制变量数', type: 'integer' },
      { key: 'zero_order', label: 'Unadjusted r', label_zh: '未校正相关系数', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ estimate: t.estimate, statistic: t.statistic, p_value: t.p_value, n: t.n, gp: t.gp, zero_order: Number.isFinite(zero) ? zero : null, method }],
    notes,
    notes_zh: notesZh,
  };
  const fig = scatterFigure(residuals[0], residuals[1], `${x.name} | covariates (residual)`, `${y.name} | covariates (residual)`);
  fig.id = 'residuals';
  fig.title = `Partial regression plot: residuals of ${y.name} against residuals of ${x.name}`;
  fig.title_zh = `偏回归图：${y.name} 残差对 ${x.name} 残差`;
  return { tables: { tidy }, figures: [fig], assumptions: [], warnings };
}
