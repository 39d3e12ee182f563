import type { ColumnData, InputIssue, NumericColumn, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultWarning } from '$core/results/types';
import { forestFigure, type ForestRow } from '$core/results/figures/forest-figure';
import { asFactor } from '$core/stats/factor';

const single = (c: ColumnData | ColumnData[] | undefined): ColumnData | undefined => (Array.isArray(c) ? c[0] : c);
const list = (c: ColumnData | ColumnData[] | undefined): ColumnData[] => (c === undefined ? [] : Array.isArray(c) ? c : [c]);

export function validate(input: RunInput): InputIssue[] {
  const lab = single(input.roles.group);
  const est = single(input.roles.outcome);
  const ci = list(input.roles.covariates);
  if (!lab || !est || ci.length !== 2) return [{ code: 'missing_role', message: { en: 'Choose labels, an estimate and two columns: the lower and the upper limit.', zh: '请选择标签、估计值及两列（下限和上限）。' } }];
  for (const c of [est, ...ci]) if (c.kind !== 'numeric') return [{ code: 'not_numeric', message: { en: `“${c.name}” must be numeric.`, zh: `“${c.name}”必须是数值变量。` } }];
  const n = (est as NumericColumn).values.length;
  if (!n) return [{ code: 'no_data', message: { en: 'No complete rows to plot.', zh: '没有完整的行可绘制。' } }];
  if (input.options.log_scale !== false) {
    for (const c of [est, ...ci] as NumericColumn[]) {
      if (c.values.some((v) => !(v > 0))) {
        return [{ code: 'nonpositive_on_log', message: { en: `“${c.name}” has values ≤ 0, which a log axis cannot show; turn off the log scale (differences) or use ratios.`, zh: `“${c.name}”含有 ≤ 0 的值，对数轴无法显示；请关闭对数尺度（差值）或使用比值。` } }];
      }
    }
  }
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const lab = single(input.roles.group)!;
  const est = single(input.roles.outcome) as NumericColumn;
  const [lo, hi] = list(input.roles.covariates) as NumericColumn[];
  const log = input.options.log_scale !== false;
  const reference = Number(input.options.reference ?? 1);
  const f = asFactor(lab);
  const seen = new Map<string, number>();
  const rows: ForestRow[] = [];
  const table: Record<string, CellValue>[] = [];
  const warnings: ResultWarning[] = [];
  let misordered = 0;
  for (let i = 0; i < est.values.length; i++) {
    const base = f.codes[i] >= 0 ? f.levels[f.codes[i]] : '';
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    const label = k > 1 ? `${base} (${k})` : base;
    const r = { label, estimate: est.values[i], low: lo.values[i], high: hi.values[i] };
    if (!(r.low <= r.estimate && r.estimate <= r.high)) misordered++;
    rows.push(r);
    table.push({ label, estimate: r.estimate, conf_low: r.low, conf_high: r.high });
  }
  if (misordered) {
    warnings.push({ code: 'estimate_outside_ci', message: `${misordered} row(s) have the estimate outside [“${lo.name}”, “${hi.name}”]; check that the lower limit comes first.`, message_zh: `${misordered} 行的估计值不在 [“${lo.name}”, “${hi.name}”] 内；请确认下限列在前。` });
  }
  if ([...seen.values()].some((k) => k > 1)) {
    warnings.push({ code: 'duplicate_labels', message: `Some labels of “${lab.name}” repeat; repeats are numbered “(2)”, “(3)”, … .`, message_zh: `“${lab.name}”中有重复标签，重复者依次编号“(2)”“(3)”…。` });
  }
  return {
    tables: {
      forest: {
        title: `Forest plot of ${est.name}`,
        title_zh: `${est.name} 的森林图`,
        columns: [
          { key: 'label', label: lab.name, label_zh: lab.name, type: 'text' },
          { key: 'estimate', label: est.name, label_zh: est.name, type: 'number' },
          { key: 'conf_low', label: lo.name, label_zh: lo.name, type: 'ci' },
          { key: 'conf_high', label: hi.name, label_zh: hi.name, type: 'ci' },
        ],
        rows: table,
      },
    },
    figures: [
      forestFigure({ title: `Forest plot of ${est.name}`, title_zh: `${est.name} 的森林图`, rows, xTitle: `${est.name} (${lo.name} to ${hi.name}${log ? ', log scale' : ''})`, log, reference: Number.isFinite(reference) ? reference : null, estimateTitle: est.name }),
    ],
    assumptions: [],
    warnings,
  };
}
