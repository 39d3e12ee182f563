import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { mean, nullIfNaN, sd } from '$core/stats/descriptive';
import { tTest1 } from '$core/stats/ttest';
import { muBoxFigure, normalityAssumption, tidyTable } from '../compare.ttest_one/shared';

/** Up to this many pairs the figure also draws one line per subject. */
const MAX_PAIR_LINES = 1000;

function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

interface Prepared {
  xName: string;
  yName: string;
  x: Float64Array;
  y: Float64Array;
  d: Float64Array;
}

function prepare(input: RunInput): Prepared | InputIssue {
  const x = single(input.roles.x);
  const y = single(input.roles.y);
  if (!x || !y) return { code: 'missing_role', message: { en: 'Choose the first (x) and second (y) measurement.', zh: '请选择第一次（x）和第二次（y）测量。' } };
  if (x.kind !== 'numeric' || y.kind !== 'numeric') {
    return { code: 'not_numeric', message: { en: `Both measurements (“${x.name}”, “${y.name}”) must be numeric.`, zh: `两次测量（“${x.name}”、“${y.name}”）都必须是数值型。` } };
  }
  let k = 0;
  for (let i = 0; i < x.values.length; i++) if (!Number.isNaN(x.values[i]) && !Number.isNaN(y.values[i])) k++;
  const xs = new Float64Array(k);
  const ys = new Float64Array(k);
  const d = new Float64Array(k);
  k = 0;
  for (let i = 0; i < x.values.length; i++) {
    const a = x.values[i];
    const b = y.values[i];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    xs[k] = a;
    ys[k] = b;
    d[k++] = a - b;
  }
  return { xName: x.name, yName: y.name, x: xs, y: ys, d };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  if (p.d.length < 2) {
    return [
      {
        code: 'too_few_pairs',
        message: {
          en: `There ${p.d.length === 1 ? 'is 1 complete pair' : `are ${p.d.length} complete pairs`} of “${p.xName}” and “${p.yName}”; a paired t-test needs at least 2 to estimate the variance of the differences.`,
          zh: `“${p.xName}”与“${p.yName}”只有 ${p.d.length} 个完整的配对；配对 t 检验至少需要 2 对才能估计差值的方差。`,
        },
      },
    ];
  }
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const o = input.options;
  const alternative = String(o.alternative ?? 'two.sided') as Alternative;
  const confLevel = Number(o.conf_level ?? 0.95);
  const mu = Number(o.mu ?? 0);
  const r = tTest1(p.d, alternative, confLevel, mu, true);
  const label = `${p.xName} − ${p.yName}`;
  const what = { en: label, zh: label };
  const { table: tidy, warnings } = tidyTable(r, confLevel, mu, what, true);
  const n = p.d.length;
  const row = (variable: string, v: Float64Array) => ({ variable, n, mean: nullIfNaN(mean(v)), sd: nullIfNaN(sd(v)) });
  const summary: ResultTable = {
    title: `${p.xName} and ${p.yName} (complete pairs)`,
    title_zh: `${p.xName} 与 ${p.yName}（完整配对）`,
    columns: [
      { key: 'variable', label: 'Variable', label_zh: '变量', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'mean', label: 'Mean', label_zh: '均值', type: 'number' },
      { key: 'sd', label: 'SD', label_zh: '标准差', type: 'number' },
    ],
    rows: [row(p.xName, p.x), row(p.yName, p.y), row(`${p.xName} - ${p.yName}`, p.d)],
    notes: ['The last row holds the differences x − y, on which the test is done.'],
    notes_zh: ['最后一行为差值 x − y，检验基于该差值。'],
  };
  const allWarnings: ResultWarning[] = [...warnings];
  if (r.statistic === null) {
    allWarnings[0] = {
      code: 'zero_variance_differences',
      message: `Every pair differs by the same amount (${label} = ${r.estimate}), so the differences have zero variance and the t statistic, p-value and confidence interval are undefined (R stops with “data are essentially constant”).`,
      message_zh: `每一对的差值都相同（${label} = ${r.estimate}），差值方差为零，t 统计量、P 值和置信区间无定义（R 会报错“data are essentially constant”）。`,
    };
  }
  if (n < 5) {
    allWarnings.push({
      code: 'small_sample',
      message: `Only ${n} pairs: the test has little power and relies heavily on normality of the differences.`,
      message_zh: `只有 ${n} 对：检验效能很低，且高度依赖差值的正态性。`,
    });
  }
  const figures: ResultFigure[] = [
    muBoxFigure('differences', { en: `Paired differences ${label} (rule at μ = ${mu})`, zh: `配对差值 ${label}（参考线 μ = ${mu}）` }, label, label, p.d, mu),
  ];
  if (n <= MAX_PAIR_LINES) figures.push(pairsFigure(p));
  return { tables: { tidy, summary }, figures, assumptions: [normalityAssumption(p.d, what, true)], warnings: allWarnings };
}

/** One line per subject from the first to the second measurement. */
function pairsFigure(p: Prepared): ResultFigure {
  const values: { pair: number; measurement: string; value: number }[] = [];
  for (let i = 0; i < p.d.length; i++) {
    values.push({ pair: i + 1, measurement: p.xName, value: p.x[i] });
    values.push({ pair: i + 1, measurement: p.yName, value: p.y[i] });
  }
  const x = { field: 'measurement', type: 'nominal', title: null, sort: [p.xName, p.yName] };
  const y = { field: 'value', type: 'quantitative', title: null, scale: { zero: false } };
  return {
    id: 'pairs',
    title: `${p.xName} and ${p.yName} by subject`,
    title_zh: `每个对象的 ${p.xName} 与 ${p.yName}`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: { step: 120 },
      height: 260,
      data: { values },
      layer: [
        { mark: { type: 'line', color: '#888', opacity: 0.5, strokeWidth: 1 }, encoding: { x, y, detail: { field: 'pair', type: 'nominal' } } },
        { mark: { type: 'point', filled: true, size: 25, color: '#333', opacity: 0.7 }, encoding: { x, y, tooltip: [{ field: 'pair', type: 'quantitative' }, { field: 'value', type: 'quantitative' }] } },
      ],
    },
  };
}
