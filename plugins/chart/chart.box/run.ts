import type { ColumnData, InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { CellValue, ResultTable, ResultWarning } from '$core/results/types';
import { boxFigure, type BoxGroup } from '$core/results/box-figure';
import { density } from '$core/results/figures/density';
import { violinFigure } from '$core/results/figures/violin-figure';
import { boxStats } from '$core/stats/boxstats';
import { asFactor, dropUnusedLevels, splitByLevel } from '$core/stats/factor';

const single = (c: ColumnData | ColumnData[] | undefined): ColumnData | undefined => (Array.isArray(c) ? c[0] : c);

export function validate(input: RunInput): InputIssue[] {
  const y = single(input.roles.y);
  if (!y) return [{ code: 'missing_role', message: { en: 'Choose a numeric variable.', zh: '请选择一个数值变量。' } }];
  if (y.kind !== 'numeric') return [{ code: 'y_not_numeric', message: { en: `“${y.name}” is not numeric; a box plot needs a numeric variable.`, zh: `“${y.name}”不是数值变量；箱线图需要数值变量。` } }];
  if (!Array.from(y.values).some(Number.isFinite)) return [{ code: 'no_data', message: { en: `“${y.name}” has no non-missing values to plot.`, zh: `“${y.name}”没有可绘制的非缺失值。` } }];
  return [];
}

export function groupsOf(input: RunInput): { groups: BoxGroup[]; groupName: string | null } {
  const y = single(input.roles.y) as ColumnData & { kind: 'numeric' };
  const g = single(input.roles.group);
  const finite = y.values.map((v) => (Number.isFinite(v) ? v : NaN));
  if (!g) return { groups: [{ name: 'All', values: finite.filter((v) => !Number.isNaN(v)) }], groupName: null };
  const f = dropUnusedLevels(asFactor(g), (i) => !Number.isNaN(finite[i]));
  return { groups: splitByLevel(finite, f).map((values, j) => ({ name: f.levels[j], values })), groupName: g.name };
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const y = single(input.roles.y)!;
  const { groups, groupName } = groupsOf(input);
  const violin = Boolean(input.options.violin);
  const warnings: ResultWarning[] = [];
  const rows: Record<string, CellValue>[] = [];
  for (const g of groups) {
    const b = boxStats(g.values);
    if (!b) continue;
    const [lower, q1, median, q3, upper] = b.stats;
    rows.push({ ...(groupName ? { group: g.name } : {}), n: b.n, lower, q1, median, q3, upper, n_out: b.out.length });
  }
  const gcol = groupName ? [{ key: 'group', label: groupName, label_zh: groupName, type: 'text' as const }] : [];
  const tables: Record<string, ResultTable> = {
    box: {
      title: `Box plot of ${y.name}`,
      title_zh: `${y.name} 的箱线图`,
      columns: [
        ...gcol,
        { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
        { key: 'lower', label: 'Lower whisker', label_zh: '下须', type: 'number' },
        { key: 'q1', label: 'Lower hinge', label_zh: '下铰链', type: 'number' },
        { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
        { key: 'q3', label: 'Upper hinge', label_zh: '上铰链', type: 'number' },
        { key: 'upper', label: 'Upper whisker', label_zh: '上须', type: 'number' },
        { key: 'n_out', label: 'Outliers', label_zh: '离群值个数', type: 'integer' },
      ],
      rows,
      notes: ['As R’s boxplot.stats: hinges are Tukey’s (fivenum), whiskers reach the most extreme values within 1.5 × the hinge spread; values beyond are outliers.'],
      notes_zh: ['同 R 的 boxplot.stats：铰链为 Tukey 铰链（fivenum），须线延伸至距铰链 1.5 倍铰链间距以内的最极端值；超出者为离群值。'],
    },
  };
  const title = groupName ? `${y.name} by ${groupName}` : y.name;
  let figure;
  if (violin) {
    const drows: Record<string, CellValue>[] = [];
    for (const g of groups) {
      const d = density(g.values);
      if (!d) {
        warnings.push({ code: 'no_density', message: `No density for ${groupName ? `group “${g.name}”` : y.name}: it needs at least 2 values that are not all equal.`, message_zh: `${groupName ? `组“${g.name}”` : y.name}无法估计密度：至少需要 2 个不全相同的值。` });
        continue;
      }
      d.x.forEach((x, k) => drows.push({ ...(groupName ? { group: g.name } : {}), x, density: d.y[k], bw: d.bw }));
    }
    tables.density = {
      title: `Kernel density of ${y.name}`,
      title_zh: `${y.name} 的核密度`,
      columns: [...gcol, { key: 'x', label: y.name, label_zh: y.name, type: 'number' }, { key: 'density', label: 'Density', label_zh: '密度', type: 'number' }, { key: 'bw', label: 'Bandwidth', label_zh: '带宽', type: 'number' }],
      rows: drows,
      notes: ['R’s density(): gaussian kernel, bandwidth bw.nrd0, 512 points from min − 3 bw to max + 3 bw; each violin is scaled to the largest density.'],
      notes_zh: ['R 的 density()：高斯核，bw.nrd0 带宽，自 min − 3bw 至 max + 3bw 共 512 个点；小提琴宽度按最大密度缩放。'],
    };
    figure = violinFigure({ id: 'violin', title: `Violin plot of ${title}`, title_zh: `${title} 的小提琴图`, valueTitle: y.name, groups });
  } else {
    figure = boxFigure({ id: 'box', title: `Box plot of ${title}`, title_zh: `${title} 的箱线图`, valueTitle: y.name, groups });
  }
  return { tables, figures: [figure], assumptions: [], warnings };
}
