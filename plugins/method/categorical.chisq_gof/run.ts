import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import { chisqUpper } from '$core/stats/distributions';
import { factorOf, oneWay, parseNumberList, single, weightProblem, weightsOf } from '$core/stats/contingency';
import { fmt } from '$core/stats/format';

interface Prepared {
  name: string;
  levels: string[];
  x: number[];
  p: number[];
}

/** R's check in chisq.test: |sum(p) - 1| > sqrt(.Machine$double.eps) is an error. */
const SUM_TOL = Math.sqrt(2.220446049250313e-16);

function prepare(input: RunInput): Prepared | InputIssue {
  const c = single(input.roles.column);
  if (!c) return { code: 'missing_role', message: { en: 'Choose a categorical variable.', zh: '请选择一个分类变量。' } };
  const w = single(input.roles.weight);
  const wp = weightProblem(w, false);
  if (wp) return { code: 'bad_weight', message: wp };
  const f = factorOf(c);
  const x = oneWay(f, w ? weightsOf(w, f.codes.length) : undefined);
  const k = f.levels.length;
  if (k < 2)
    return {
      code: 'too_few_levels',
      message: {
        en: `“${c.name}” has ${k} categor${k === 1 ? 'y' : 'ies'} among the rows with data; a goodness-of-fit test needs at least 2.`,
        zh: `“${c.name}”在有数据的行中只有 ${k} 个类别；拟合优度检验至少需要 2 个类别。`,
      },
    };
  const s = String(input.options.p ?? '').trim();
  let p: number[];
  if (s === '') p = new Array<number>(k).fill(1 / k);
  else {
    const parsed = parseNumberList(s);
    if (!parsed)
      return { code: 'bad_p', message: { en: `The expected proportions “${s}” are not a comma-separated list of numbers.`, zh: `期望比例“${s}”不是以逗号分隔的数字列表。` } };
    if (parsed.length !== k)
      return {
        code: 'bad_p',
        message: {
          en: `${parsed.length} expected proportion${parsed.length === 1 ? ' was' : 's were'} given but “${c.name}” has ${k} categories (${f.levels.join(', ')}); give one per category in this order.`,
          zh: `给出了 ${parsed.length} 个期望比例，但“${c.name}”有 ${k} 个类别（${f.levels.join('、')}）；请按此顺序为每个类别给出一个比例。`,
        },
      };
    if (parsed.some((v) => v < 0)) return { code: 'bad_p', message: { en: 'Expected proportions must be non-negative (as R requires).', zh: '期望比例必须非负（与 R 的要求相同）。' } };
    const sum = parsed.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SUM_TOL)
      return {
        code: 'bad_p',
        message: { en: `The expected proportions sum to ${sum}, not 1 (R: “probabilities must sum to 1”).`, zh: `期望比例之和为 ${sum}，不等于 1（R：“probabilities must sum to 1”）。` },
      };
    if (parsed.some((v) => v === 0))
      return {
        code: 'bad_p',
        message: { en: 'An expected proportion of 0 gives an expected count of 0 and an undefined statistic; drop that category instead.', zh: '期望比例为 0 会使期望频数为 0，统计量无定义；请删除该类别。' },
      };
    p = parsed;
  }
  const n = x.reduce((a, b) => a + b, 0);
  if (!(n > 0)) return { code: 'no_data', message: { en: 'There are no observations (total count 0).', zh: '没有观测值（总频数为 0）。' } };
  return { name: c.name, levels: f.levels, x, p };
}

export function validate(input: RunInput): InputIssue[] {
  const p = prepare(input);
  return 'code' in p ? [p] : [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const pr = prepare(input);
  if ('code' in pr) throw new Error(pr.message.en);
  const { x, p, levels, name } = pr;
  const k = x.length;
  const n = x.reduce((a, b) => a + b, 0);
  const E = p.map((v) => n * v);
  let stat = 0;
  const resid: number[] = [];
  const stdres: number[] = [];
  for (let i = 0; i < k; i++) {
    const d = x[i] - E[i];
    stat += (d * d) / E[i];
    resid.push(d / Math.sqrt(E[i]));
    stdres.push(d / Math.sqrt(E[i] * (1 - p[i])));
  }
  const df = k - 1;
  const method = 'Chi-squared test for given probabilities';
  const equal = String(input.options.p ?? '').trim() === '';
  const tidy: ResultTable = {
    title: method,
    title_zh: '拟合优度卡方检验（给定概率）',
    columns: [
      { key: 'statistic', label: 'X²', label_zh: 'X²', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'n', label: 'N', label_zh: '总例数', type: 'number' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: stat, df, p_value: chisqUpper(stat, df), n, method }],
    notes: [equal ? `H0: the ${k} categories of ${name} are equally frequent (p = 1/${k} each).` : `H0: ${name} follows the given proportions (${p.join(', ')}).`],
    notes_zh: [equal ? `H0：${name} 的 ${k} 个类别频率相等（各为 1/${k}）。` : `H0：${name} 符合给定比例（${p.join('、')}）。`],
  };
  const observed: ResultTable = {
    title: `Observed counts: ${name}`,
    title_zh: `观察频数：${name}`,
    columns: [
      { key: 'level', label: name, label_zh: name, type: 'text' },
      { key: 'observed', label: 'Observed', label_zh: '观察频数', type: 'number' },
      { key: 'proportion', label: 'Observed proportion', label_zh: '观察比例', type: 'percent' },
    ],
    rows: levels.map((l, i) => ({ level: l, observed: x[i], proportion: x[i] / n })),
  };
  const expected: ResultTable = {
    title: 'Expected counts under H0',
    title_zh: 'H0 下的期望频数',
    columns: [
      { key: 'level', label: name, label_zh: name, type: 'text' },
      { key: 'p', label: 'Expected proportion', label_zh: '期望比例', type: 'percent' },
      { key: 'expected', label: 'Expected', label_zh: '期望频数', type: 'number' },
    ],
    rows: levels.map((l, i) => ({ level: l, p: p[i], expected: E[i] })),
  };
  const residuals: ResultTable = {
    title: 'Residuals',
    title_zh: '残差',
    columns: [
      { key: 'level', label: name, label_zh: name, type: 'text' },
      { key: 'residual', label: 'Pearson residual', label_zh: 'Pearson 残差', type: 'number' },
      { key: 'stdres', label: 'Standardized residual', label_zh: '标准化残差', type: 'number' },
    ],
    rows: levels.map((l, i) => ({ level: l, residual: resid[i], stdres: stdres[i] })),
    notes: ['Pearson residual (O − E)/√E; standardized residual (O − E)/√(n p (1 − p)) as R’s chisq.test()$stdres; |value| > 2 marks categories that depart from H0.'],
    notes_zh: ['Pearson 残差 (O − E)/√E；标准化残差 (O − E)/√(n p (1 − p))，同 R 的 chisq.test()$stdres；绝对值 > 2 的类别偏离 H0。'],
  };
  const minE = Math.min(...E);
  const small = E.filter((e) => e < 5).length;
  const ok = minE >= 5;
  const assumptions: Assumption[] = [
    {
      name: 'Expected counts ≥ 5',
      name_zh: '期望频数 ≥ 5',
      statistic: minE,
      ok,
      message: ok
        ? `All ${k} expected counts are at least 5 (smallest ${fmt(minE)}); the chi-square approximation is adequate.`
        : `${small} of ${k} expected counts are below 5 (smallest ${fmt(minE)}): the chi-square approximation may be inaccurate. Use an exact multinomial test (e.g. R’s EMT::multinomial.test or chisq.test(x, p = p, simulate.p.value = TRUE)), or merge sparse categories.`,
      message_zh: ok
        ? `${k} 个期望频数均 ≥ 5（最小 ${fmt(minE)}），卡方近似可用。`
        : `${k} 个期望频数中有 ${small} 个 < 5（最小 ${fmt(minE)}）：卡方近似可能不准确。请用精确多项分布检验（如 R 的 EMT::multinomial.test 或 chisq.test(x, p = p, simulate.p.value = TRUE)），或合并稀疏类别。`,
    },
  ];
  const warnings: ResultWarning[] = [];
  if (!ok)
    warnings.push({ code: 'small_expected', message: 'Chi-squared approximation may be incorrect (some expected counts are below 5), as R warns.', message_zh: '卡方近似可能不准确（部分期望频数 < 5），R 也会给出此警告。' });
  const values = levels.flatMap((l, i) => [
    { level: l, kind: 'Observed', count: x[i], order: i },
    { level: l, kind: 'Expected', count: E[i], order: i },
  ]);
  return {
    tables: { tidy, observed, expected, residuals },
    figures: [
      {
        id: 'observed_expected',
        title: `Observed and expected counts of ${name}`,
        title_zh: `${name} 的观察频数与期望频数`,
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          data: { values },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'level', type: 'nominal', title: name, sort: levels },
            xOffset: { field: 'kind', type: 'nominal', sort: ['Observed', 'Expected'] },
            y: { field: 'count', type: 'quantitative', title: 'Count' },
            color: { field: 'kind', type: 'nominal', title: '', sort: ['Observed', 'Expected'] },
            tooltip: [{ field: 'level', title: name }, { field: 'kind' }, { field: 'count', format: '.2f' }],
          },
        },
      },
    ],
    assumptions,
    warnings,
  };
}
