import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable } from '$core/results/types';
import type { Alternative } from '$core/stats/distributions';
import { factorOf, oneWay, single, successIndex, weightProblem, weightsOf } from '$core/stats/contingency';
import { binomTest } from '$core/stats/discrete';

interface Prepared {
  name: string;
  levels: string[];
  counts: number[];
  success: number;
}

function prepare(input: RunInput): Prepared | InputIssue {
  const col = single(input.roles.column);
  if (!col) return { code: 'missing_role', message: { en: 'Choose a binary variable.', zh: '请选择一个二分类变量。' } };
  const w = single(input.roles.weight);
  const wp = weightProblem(w, true);
  if (wp) return { code: 'bad_weight', message: wp };
  const f = factorOf(col);
  const counts = oneWay(f, w ? weightsOf(w, f.codes.length) : undefined).map((v) => Math.round(v));
  const s = successIndex(f.levels, String(input.options.success ?? ''), col.name);
  if (s.issue) return { code: 'bad_success', message: s.issue };
  if (f.levels.length > 2)
    return {
      code: 'not_binary',
      message: {
        en: `“${col.name}” has ${f.levels.length} categories; the binomial test needs a binary variable (use a filter, or the chi-square goodness-of-fit test).`,
        zh: `“${col.name}”有 ${f.levels.length} 个类别；二项检验需要二分类变量（可用筛选条件，或改用卡方拟合优度检验）。`,
      },
    };
  return { name: col.name, levels: f.levels, counts, success: s.index };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  if ('code' in p) return [p];
  const n = p.counts.reduce((a, b) => a + b, 0);
  if (n < 1) return [{ code: 'no_data', message: { en: 'There are no observations.', zh: '没有观测值。' } }];
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepare(input);
  if ('code' in p) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const o = input.options;
  const p0 = Number(o.p ?? 0.5);
  const alternative = String(o.alternative ?? 'two.sided') as Alternative;
  const confLevel = Number(o.conf_level ?? 0.95);
  const x = p.counts[p.success];
  const n = p.counts.reduce((a, b) => a + b, 0);
  const r = binomTest(x, n, p0, alternative, confLevel);
  const pct = `${Math.round(confLevel * 1000) / 10}%`;
  const lv = p.levels[p.success];
  const tidy: ResultTable = {
    title: 'Exact binomial test',
    title_zh: '二项分布精确检验',
    columns: [
      { key: 'estimate', label: `Proportion “${lv}”`, label_zh: `“${lv}”的比例`, type: 'number' },
      { key: 'statistic', label: 'Successes', label_zh: '成功数', type: 'integer' },
      { key: 'parameter', label: 'Trials', label_zh: '试验数', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
      { key: 'null_value', label: 'Null p', label_zh: '假设概率', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
      { key: 'alternative', label: 'Alternative', label_zh: '备择假设', type: 'text' },
    ],
    rows: [{ estimate: r.estimate, statistic: x, parameter: n, p_value: r.p_value, conf_low: r.conf_low, conf_high: r.conf_high, null_value: p0, method: 'Exact binomial test', alternative }],
    notes: [`Success = “${lv}”; exact two-sided p-value (outcomes no more likely than the observed one); Clopper–Pearson ${pct} interval.`],
    notes_zh: [`成功 = “${lv}”；精确双侧 P 值（概率不大于观察结果的所有结果之和）；Clopper–Pearson ${pct} 置信区间。`],
  };
  const counts: ResultTable = {
    title: `Counts of ${p.name}`,
    title_zh: `${p.name} 的频数`,
    columns: [
      { key: 'level', label: 'Level', label_zh: '水平', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'number' },
      { key: 'proportion', label: 'Proportion', label_zh: '比例', type: 'percent' },
    ],
    rows: p.levels.map((l, i) => ({ level: l, n: p.counts[i], proportion: p.counts[i] / n })),
  };
  const assumptions: Assumption[] = [
    {
      name: 'Independent observations',
      name_zh: '观测相互独立',
      ok: null,
      message: 'The test assumes each row is an independent trial with the same probability of success; clustered or repeated observations need another method (e.g. GEE or a mixed model).',
      message_zh: '该检验假定每一行是成功概率相同的独立试验；聚集或重复观测需用其他方法（如 GEE 或混合模型）。',
    },
  ];
  return { tables: { tidy, counts }, figures: [], assumptions, warnings: [] };
}
