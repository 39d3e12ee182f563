import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, ResultTable, ResultWarning } from '$core/results/types';
import { nullIfNaN } from '$core/stats/descriptive';
import { survdiff } from '$core/stats/survival/logrank';
import { prepareSurv } from '$core/stats/survival/prepare';
import { isIssue } from '$core/stats/survival/event';

export function validate(input: RunInput): InputIssue[] {
  const p = prepareSurv(input, 'group');
  if (isIssue(p)) return [p];
  const k = p.groups!.levels.length;
  if (k < 2) {
    return [
      {
        code: 'one_group',
        message: {
          en: `The group variable “${p.groupName}” has ${k} group${k === 1 ? '' : 's'} among the rows with data; a log-rank test compares two or more groups.`,
          zh: `分组变量“${p.groupName}”在有数据的行中只有 ${k} 个组；log-rank 检验需要两个或更多组。`,
        },
      },
    ];
  }
  if (p.ev.nEvents === 0) {
    return [
      {
        code: 'no_events',
        message: {
          en: `There are no events (every observation of “${p.eventName}” is censored), so survival cannot be compared.`,
          zh: `没有事件（“${p.eventName}”的所有观测均为删失），无法比较生存。`,
        },
      },
    ];
  }
  return [];
}

export function run(_ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepareSurv(input, 'group');
  if (isIssue(p)) throw new Error(p.message.en);
  const issues = validate(input);
  if (issues.length) throw new Error(issues.map((i) => i.message.en).join(' '));
  const rho = Number(input.options.rho ?? 0);
  const g = p.groups!;
  const k = g.levels.length;
  const r = survdiff(p.time, p.ev.event, g.codes, k, rho);
  const method = rho === 0 ? 'Log-rank test' : rho === 1 ? 'Peto–Peto test (rho = 1)' : `Harrington–Fleming G-rho test (rho = ${rho})`;
  const methodZh = rho === 0 ? 'Log-rank 检验' : rho === 1 ? 'Peto–Peto 检验（rho = 1）' : `Harrington–Fleming G-rho 检验（rho = ${rho}）`;
  const tidy: ResultTable = {
    title: method,
    title_zh: methodZh,
    columns: [
      { key: 'statistic', label: 'Chi-square', label_zh: '卡方值', type: 'number' },
      { key: 'df', label: 'df', label_zh: '自由度', type: 'integer' },
      { key: 'p_value', label: 'p', label_zh: 'P 值', type: 'p_value' },
      { key: 'method', label: 'Method', label_zh: '方法', type: 'text' },
    ],
    rows: [{ statistic: r.statistic, df: r.df, p_value: nullIfNaN(r.p_value), method }],
    notes: ['Chi-square on k − 1 df from the observed − expected events of all groups but the first and their covariance, as survdiff.'],
    notes_zh: ['卡方统计量由除第一组外各组的观察数 − 期望数及其协方差计算（自由度 k − 1），同 survdiff。'],
  };
  const groupsNotes = ['(O−E)²/V uses the variance of each group’s O − E (survdiff’s diag(var)); with two groups it equals the test statistic.'];
  const groupsNotesZh = ['(O−E)²/V 使用各组 O − E 的方差（survdiff 的 diag(var)）；两组时等于检验统计量。'];
  if (rho !== 0) {
    groupsNotes.push(`Observed and expected are weighted by S(t−)^${rho}, as survdiff reports them with rho ≠ 0.`);
    groupsNotesZh.push(`观察数与期望数按 S(t−)^${rho} 加权，同 survdiff 在 rho ≠ 0 时的报告。`);
  }
  const groups: ResultTable = {
    title: `Observed and expected events by ${p.groupName}`,
    title_zh: `按 ${p.groupName} 分组的观察与期望事件数`,
    columns: [
      { key: 'group', label: 'Group', label_zh: '组', type: 'text' },
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'observed', label: 'Observed', label_zh: '观察数', type: 'number' },
      { key: 'expected', label: 'Expected', label_zh: '期望数', type: 'number' },
      { key: 'oe2_e', label: '(O−E)²/E', label_zh: '(O−E)²/E', type: 'number' },
      { key: 'oe2_v', label: '(O−E)²/V', label_zh: '(O−E)²/V', type: 'number' },
    ],
    rows: g.levels.map((lv, j) => {
      const oe = r.observed[j] - r.expected[j];
      return {
        group: lv,
        n: r.n[j],
        observed: r.observed[j],
        expected: r.expected[j],
        oe2_e: nullIfNaN((oe * oe) / r.expected[j]),
        oe2_v: nullIfNaN((oe * oe) / r.variance[j][j]),
      };
    }),
    notes: groupsNotes,
    notes_zh: groupsNotesZh,
  };
  const warnings: ResultWarning[] = [];
  const small = g.levels.filter((_, j) => r.expected[j] < 5);
  const assumptions: Assumption[] = [
    {
      name: 'Expected events per group',
      name_zh: '各组期望事件数',
      ok: small.length === 0,
      message: small.length
        ? `Group${small.length > 1 ? 's' : ''} ${small.map((s) => `“${s}”`).join(', ')} expect${small.length > 1 ? '' : 's'} fewer than 5 events; the chi-square approximation may be poor. Consider merging small groups or an exact/permutation test.`
        : 'Every group expects at least 5 events; the chi-square approximation is adequate.',
      message_zh: small.length
        ? `组 ${small.map((s) => `“${s}”`).join('、')} 的期望事件数少于 5，卡方近似可能不准确。可考虑合并小组或使用精确/置换检验。`
        : '各组期望事件数均不少于 5，卡方近似可靠。',
    },
    {
      name: 'Proportional hazards',
      name_zh: '比例风险',
      ok: null,
      message:
        rho === 0
          ? 'The log-rank test is most powerful when the hazards are proportional; if the Kaplan–Meier curves cross, it can miss a difference. Look at the curves (survival.km) and consider the Peto–Peto test (rho = 1), which weights early differences more, or a Cox model with a proportional-hazards check (survival.cox).'
          : 'The Peto–Peto test weights early event times more; it is sensitive to early differences and less to late ones. Compare with the log-rank test (rho = 0).',
      message_zh:
        rho === 0
          ? '比例风险时 log-rank 检验效能最高；若 Kaplan–Meier 曲线交叉，可能检验不出差异。请查看生存曲线（survival.km），可考虑对早期差异加权更大的 Peto–Peto 检验（rho = 1），或带比例风险检验的 Cox 模型（survival.cox）。'
          : 'Peto–Peto 检验对早期事件时间加权更大，对早期差异敏感、对晚期差异不敏感。可与 log-rank 检验（rho = 0）对照。',
    },
  ];
  return { tables: { tidy, groups }, figures: [], assumptions, warnings };
}
