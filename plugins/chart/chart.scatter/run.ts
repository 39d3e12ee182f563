import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultWarning } from '$core/results/types';
import { lmLine, scatterFigure, type LmLine } from '$core/results/figures/scatter-figure';
import { asFactor, dropUnusedLevels } from '$core/stats/factor';

const single = (c: ColumnData | ColumnData[] | undefined): ColumnData | undefined => (Array.isArray(c) ? c[0] : c);
const nn = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function validate(input: RunInput): InputIssue[] {
  const x = single(input.roles.x);
  const y = single(input.roles.y);
  if (!x || !y) return [{ code: 'missing_role', message: { en: 'Choose two numeric variables, x and y.', zh: '请选择两个数值变量 x 和 y。' } }];
  for (const c of [x, y]) if (c.kind !== 'numeric') return [{ code: 'not_numeric', message: { en: `“${c.name}” must be numeric for a scatter plot.`, zh: `散点图要求“${c.name}”为数值变量。` } }];
  if ((x as { values: Float64Array }).values.length === 0) return [{ code: 'no_data', message: { en: 'No rows with both values present.', zh: '没有两个变量均不缺失的行。' } }];
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const x = single(input.roles.x) as ColumnData & { kind: 'numeric' };
  const y = single(input.roles.y) as ColumnData & { kind: 'numeric' };
  const g = single(input.roles.group);
  const f = g ? dropUnusedLevels(asFactor(g)) : null;
  const warnings: ResultWarning[] = [];
  const fits: { group: string | null; fit: LmLine | null }[] = [];
  if (f) {
    f.levels.forEach((lv, j) => {
      const xs: number[] = [], ys: number[] = [];
      for (let i = 0; i < x.values.length; i++) if (f.codes[i] === j) (xs.push(x.values[i]), ys.push(y.values[i]));
      fits.push({ group: lv, fit: lmLine(xs, ys) });
    });
  } else fits.push({ group: null, fit: lmLine(x.values, y.values) });
  const fitRows: Record<string, CellValue>[] = [];
  const coefRows: Record<string, CellValue>[] = [];
  for (const { group, fit } of fits) {
    const gr: Record<string, CellValue> = group === null ? {} : { group };
    if (!fit) {
      warnings.push({ code: 'no_line', message: `No regression line${group === null ? '' : ` for group “${group}”`}: x is constant or there are fewer than 2 points.`, message_zh: `${group === null ? '' : `组“${group}”`}无法拟合回归直线：x 为常数或点少于 2 个。` });
      continue;
    }
    if (fit.n < 3) warnings.push({ code: 'no_band', message: `${group === null ? 'With' : `Group “${group}” has`} only ${fit.n} points: no confidence band.`, message_zh: `${group === null ? '' : `组“${group}”`}只有 ${fit.n} 个点：无置信带。` });
    coefRows.push({ ...gr, n: fit.n, intercept: fit.intercept, slope: fit.slope, sigma: nn(fit.sigma) });
    fit.x.forEach((xv, k) => fitRows.push({ ...gr, x: xv, fit: fit.fit[k], conf_low: nn(fit.lower[k]), conf_high: nn(fit.upper[k]) }));
  }
  const gcol = g ? [{ key: 'group', label: g.name, label_zh: g.name, type: 'text' as const }] : [];
  return {
    tables: {
      fit: {
        title: `Least-squares line of ${y.name} on ${x.name} with 95% confidence band`,
        title_zh: `${y.name} 对 ${x.name} 的最小二乘直线及 95% 置信带`,
        columns: [...gcol, { key: 'x', label: x.name, label_zh: x.name, type: 'number' }, { key: 'fit', label: 'Fitted', label_zh: '拟合值', type: 'number' }, { key: 'conf_low', label: '95% CI low', label_zh: '95% CI 下限', type: 'ci' }, { key: 'conf_high', label: '95% CI high', label_zh: '95% CI 上限', type: 'ci' }],
        rows: fitRows,
        notes: ['predict(lm(y ~ x), interval = "confidence") at 80 points from min(x) to max(x)' + (g ? ' within each group' : '') + ', as geom_smooth(method = "lm").'],
        notes_zh: ['predict(lm(y ~ x), interval = "confidence") 在 min(x) 至 max(x) 的 80 个点上的值' + (g ? '（各组分别拟合）' : '') + '，同 geom_smooth(method = "lm")。'],
      },
      coefficients: {
        title: 'Regression lines',
        title_zh: '回归直线',
        columns: [...gcol, { key: 'n', label: 'n', label_zh: '例数', type: 'integer' }, { key: 'intercept', label: 'Intercept', label_zh: '截距', type: 'number' }, { key: 'slope', label: 'Slope', label_zh: '斜率', type: 'number' }, { key: 'sigma', label: 'Residual SE', label_zh: '残差标准误', type: 'number' }],
        rows: coefRows,
      },
    },
    figures: [scatterFigure(x.values, y.values, x.name, y.name, { band: true, group: f && g ? { name: g.name, levels: f.levels, codes: f.codes } : undefined })],
    assumptions: [],
    warnings,
  };
}
