import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultColumn, ResultWarning } from '$core/results/types';
import { asFactor, dropUnusedLevels, splitByLevel } from '$core/stats/factor';
import { histBreaks, histogram } from '$core/stats/pretty';

const single = (c: ColumnData | ColumnData[] | undefined): ColumnData | undefined => (Array.isArray(c) ? c[0] : c);

export function validate(input: RunInput): InputIssue[] {
  const x = single(input.roles.x);
  if (!x) return [{ code: 'missing_role', message: { en: 'Choose a numeric variable.', zh: '请选择一个数值变量。' } }];
  if (x.kind !== 'numeric') {
    return [{ code: 'x_not_numeric', message: { en: `“${x.name}” is not numeric; a histogram needs a numeric variable.`, zh: `“${x.name}”不是数值变量；直方图需要数值变量。` } }];
  }
  let finite = 0;
  for (const v of x.values) if (Number.isFinite(v)) finite++;
  if (finite === 0) {
    return [{ code: 'no_data', message: { en: `“${x.name}” has no non-missing values to plot.`, zh: `“${x.name}”没有可绘制的非缺失值。` } }];
  }
  const bins = Number(input.options.bins ?? 0);
  if (!Number.isInteger(bins) || bins < 0) {
    return [{ code: 'bad_bins', message: { en: 'The number of bins must be a whole number ≥ 0 (0 = automatic).', zh: '组数必须是不小于 0 的整数（0 = 自动）。' } }];
  }
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const xcol = single(input.roles.x) as ColumnData & { kind: 'numeric' };
  const gcol = single(input.roles.group);
  const bins = Number(input.options.bins ?? 0);
  const warnings: ResultWarning[] = [];

  // hist() drops non-finite values (missing is NaN here; ±Inf would be dropped too).
  let nInf = 0;
  for (const v of xcol.values) if (v === Infinity || v === -Infinity) nInf++;
  if (nInf) {
    warnings.push({
      code: 'infinite_values',
      message: `${nInf} infinite value${nInf === 1 ? '' : 's'} of “${xcol.name}” ${nInf === 1 ? 'is' : 'are'} not shown.`,
      message_zh: `“${xcol.name}”中有 ${nInf} 个无穷大值未显示。`,
    });
  }
  const values = xcol.values.filter((v) => Number.isFinite(v));
  const breaks = histBreaks(values, bins);
  const rows: Record<string, CellValue>[] = [];
  const columns: ResultColumn[] = [];
  let levels: string[] = [];
  if (gcol) {
    const f = dropUnusedLevels(asFactor(gcol), (i) => Number.isFinite(xcol.values[i]));
    levels = f.levels;
    columns.push({ key: 'group', label: gcol.name, label_zh: gcol.name, type: 'text' });
    const finiteX = xcol.values.map((v) => (Number.isFinite(v) ? v : NaN));
    splitByLevel(finiteX, f).forEach((s, j) => {
      const h = histogram(s, 0, breaks);
      h.counts.forEach((c, i) =>
        rows.push({ group: f.levels[j], bin_start: breaks[i], bin_end: breaks[i + 1], count: c, density: s.length ? h.density[i] : null, mid: h.mids[i] }),
      );
    });
  } else {
    const h = histogram(values, 0, breaks);
    h.counts.forEach((c, i) => rows.push({ bin_start: breaks[i], bin_end: breaks[i + 1], count: c, density: h.density[i], mid: h.mids[i] }));
  }
  columns.push(
    { key: 'bin_start', label: 'From (exclusive)', label_zh: '下限（不含）', type: 'number' },
    { key: 'bin_end', label: 'To (inclusive)', label_zh: '上限（含）', type: 'number' },
    { key: 'count', label: 'Count', label_zh: '频数', type: 'integer' },
    { key: 'density', label: 'Density', label_zh: '密度', type: 'number' },
    { key: 'mid', label: 'Midpoint', label_zh: '组中值', type: 'number' },
  );

  const spec: Record<string, unknown> = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    width: 400,
    height: 260,
    mark: gcol ? { type: 'bar', opacity: 0.55, binSpacing: 0 } : { type: 'bar', binSpacing: 0, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'bin_start', type: 'quantitative', title: xcol.name, scale: { domain: [breaks[0], breaks[breaks.length - 1]], nice: false }, axis: { values: breaks.length <= 25 ? breaks : undefined } },
      x2: { field: 'bin_end' },
      y: { field: 'count', type: 'quantitative', title: 'Count', stack: gcol ? null : undefined },
      ...(gcol ? { color: { field: 'group', type: 'nominal', title: gcol.name, sort: levels } } : {}),
      tooltip: [
        ...(gcol ? [{ field: 'group', type: 'nominal' }] : []),
        { field: 'bin_start', type: 'quantitative', title: 'from' },
        { field: 'bin_end', type: 'quantitative', title: 'to' },
        { field: 'count', type: 'quantitative' },
      ],
    },
  };
  return {
    tables: {
      bins: {
        title: `Histogram bins of ${xcol.name}`,
        title_zh: `${xcol.name} 的直方图分组`,
        columns,
        rows,
        notes: [`Bins are (from, to]; the first bin also includes its lower limit (R's hist, right = TRUE, include.lowest = TRUE).`],
        notes_zh: ['分组区间为左开右闭 (from, to]；第一个区间也包含其下限（同 R 的 hist，right = TRUE，include.lowest = TRUE）。'],
      },
    },
    figures: [{ id: 'histogram', title: `Histogram of ${xcol.name}`, title_zh: `${xcol.name} 的直方图`, spec: JSON.parse(JSON.stringify(spec)) }],
    assumptions: [],
    warnings,
  };
}
