import type { Interpreter } from '$core/plugin/types';

export const interpret: Interpreter = (result, input) => {
  const rows = result.tables.adjusted?.rows ?? [];
  const method = String(input.options.method ?? 'holm');
  const ps = rows.filter((r) => typeof r.p_value === 'number');
  const raw = ps.filter((r) => (r.p_value as number) < 0.05).length;
  const adj = ps.filter((r) => typeof r.p_adjusted === 'number' && (r.p_adjusted as number) < 0.05).length;
  const fdr = method === 'BH' || method === 'BY' || method === 'fdr';
  const en = [
    `Of ${ps.length} p-values, ${raw} were below 0.05 before and ${adj} after ${method === 'none' ? 'no adjustment' : `${method} adjustment`}.`,
    method === 'none'
      ? 'No adjustment was applied: with many tests some p-values below 0.05 are expected by chance alone.'
      : fdr
        ? 'False-discovery-rate methods control the expected proportion of false positives among the findings called significant; they are less strict than family-wise methods (Holm, Bonferroni).'
        : 'Family-wise methods control the chance of at least one false positive across all tests; Holm is uniformly more powerful than Bonferroni with the same guarantee.',
    'Adjustment changes how surprising a result is, not the size of an effect; report effect sizes with confidence intervals alongside.',
  ];
  const zh = [
    `${ps.length} 个 P 值中，校正前 ${raw} 个小于 0.05，${method === 'none' ? '未校正' : `${method} 校正后`} ${adj} 个小于 0.05。`,
    method === 'none'
      ? '未进行校正：检验次数较多时，仅凭机遇也会出现一些小于 0.05 的 P 值。'
      : fdr
        ? '错误发现率（FDR）方法控制被判为显著的结果中假阳性的期望比例，比控制总体 I 类错误的方法（Holm、Bonferroni）宽松。'
        : '总体 I 类错误控制方法控制所有检验中至少出现一个假阳性的概率；在相同保证下 Holm 法总是比 Bonferroni 法更有效。',
    '校正改变的是结果的意外程度，而不是效应大小；请同时报告效应量及其置信区间。',
  ];
  return { en, zh };
};
