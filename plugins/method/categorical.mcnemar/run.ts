import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable } from '$core/results/types';
import { chisqUpper } from '$core/stats/distributions';
import { crossTab, factorOf, matrixTable, single, weightProblem, weightsOf, type CrossTab } from '$core/stats/contingency';
import type { Factor } from '$core/stats/factor';

/** Union of two level sets in the app's order: numerically when all are numbers, else by code point. */
function unionLevels(a: string[], b: string[]): string[] {
  const u = [...new Set([...a, ...b])];
  const allNum = u.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return allNum ? u.sort((p, q) => Number(p) - Number(q)) : u.sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
}
function recode(f: Factor, levels: string[]): Factor {
  const map = f.levels.map((l) => levels.indexOf(l));
  return { levels, codes: Int32Array.from(f.codes, (c) => (c < 0 ? -1 : map[c])) };
}

interface Prepared {
  tab: CrossTab;
  xName: string;
  yName: string;
}

function prepare(input: RunInput): Prepared | InputIssue {
  const x = single(input.roles.x);
  const y = single(input.roles.y);
  if (!x || !y) return { code: 'missing_role', message: { en: 'Choose the first and the second measurement.', zh: '请选择第一次和第二次测量。' } };
  const w = single(input.roles.weight);
  const wp = weightProblem(w, false);
  if (wp) return { code: 'bad_weight', message: wp };
  const fx = factorOf(x);
  const fy = factorOf(y);
  const levels = unionLevels(fx.levels, fy.levels);
  const tab = crossTab(recode(fx, levels), recode(fy, levels), w ? weightsOf(w, fx.codes.length) : undefined);
  return { tab, xName: x.name, yName: y.name };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const k = p.tab.rowLevels.length;
  if (k < 2)
    return [
      {
        code: 'too_few_levels',
        message: {
          en: `“${p.xName}” and “${p.yName}” take only one value between them; McNemar’s test needs at least 2 categories.`,
          zh: `“${p.xName}”与“${p.yName}”合起来只有一个取值；McNemar 检验至少需要 2 个类别。`,
        },
      },
    ];
  const t = p.tab.counts;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++)
      if (!(t[i][j] + t[j][i] > 0))
        return [
          {
            code: 'no_discordant',
            message: {
              en: `No pair changed between “${p.tab.rowLevels[i]}” and “${p.tab.rowLevels[j]}” (both discordant cells are 0), so the statistic is undefined (R gives NaN). ${k === 2 ? 'There is no evidence of change.' : 'Combine or drop categories.'}`,
              zh: `没有配对在“${p.tab.rowLevels[i]}”与“${p.tab.rowLevels[j]}”之间变化（两个不一致单元格均为 0），统计量无定义（R 给出 NaN）。${k === 2 ? '没有变化的证据。' : '请合并或删除类别。'}`,
            },
          },
        ];
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const correct = Boolean(input.options.correct ?? true);
  const t = p.tab.counts;
  const k = t.length;
  let anyDiff = false;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (t[i][j] !== t[j][i]) anyDiff = true;
  const cc = correct && k === 2 && anyDiff;
  let stat = 0;
  let discordant = 0;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const d = Math.abs(t[i][j] - t[j][i]) - (cc ? 1 : 0);
      stat += (d * d) / (t[i][j] + t[j][i]);
      discordant += t[i][j] + t[j][i];
    }
  const df = (k * (k - 1)) / 2;
  const method = "McNemar's Chi-squared test" + (cc ? ' with continuity correction' : '');
  const tidy: ResultTable = {
    title: method,
    title_zh: k === 2 ? `McNemar 卡方检验${cc ? '（连续性校正）' : ''}` : 'McNemar–Bowker 对称性检验',
    columns: [
      { key: 'statistic', label: 'X²', label_zh: 'X²', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'discordant', label: 'Discordant pairs', label_zh: '不一致对数', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: stat, df, p_value: chisqUpper(stat, df), discordant, method }],
    notes: [`Rows: ${p.xName} (first); columns: ${p.yName} (second).${k > 2 ? ' With more than two categories this is Bowker’s test of symmetry.' : ''}`],
    notes_zh: [`行：${p.xName}（第一次）；列：${p.yName}（第二次）。${k > 2 ? '多于两个类别时为 Bowker 对称性检验。' : ''}`],
  };
  const observed = matrixTable(p.tab, t, { title: `Paired table: ${p.xName} × ${p.yName}`, title_zh: `配对表：${p.xName} × ${p.yName}`, rowName: p.xName, type: 'number', totals: true });
  const assumptions: Assumption[] = [
    {
      name: 'Discordant pairs ≥ 25 (2 × 2)',
      name_zh: '不一致对数 ≥ 25（2 × 2 表）',
      statistic: discordant,
      ok: k === 2 ? discordant >= 25 : null,
      message:
        k === 2 && discordant < 25
          ? `Only ${discordant} discordant pairs: the chi-square approximation is rough. Use the exact McNemar test, i.e. an exact binomial test of ${t[0][1]} out of ${discordant} against 0.5 (categorical.binomial_test).`
          : `${discordant} discordant pairs carry the information of the test.`,
      message_zh:
        k === 2 && discordant < 25
          ? `不一致对数只有 ${discordant}：卡方近似较粗糙。请用精确 McNemar 检验，即 ${discordant} 对中 ${t[0][1]} 对的精确二项检验（p = 0.5，categorical.binomial_test）。`
          : `检验的信息来自 ${discordant} 个不一致对。`,
    },
  ];
  return { tables: { tidy, observed }, figures: [], assumptions, warnings: [] };
}
