import type { InputIssue, PluginOutput, RunContext, RunInput } from '$core/plugin/types';
import type { Assumption, CellValue, ResultFigure, ResultTable, ResultWarning } from '$core/results/types';
import { nullIfNaN } from '$core/stats/descriptive';
import { kmFigure } from '$core/results/figures/km-figure';
import { kaplanMeier, medianSurvival, type ConfType, type KMCurve } from '$core/stats/survival/kaplan-meier';
import { prepareSurv, type SurvInput } from '$core/stats/survival/prepare';
import { isIssue } from '$core/stats/survival/event';

export { MAX_STEPS, thinSteps } from '$core/results/figures/km-figure';

export function validate(input: RunInput): InputIssue[] {
  const p = prepareSurv(input, 'strata');
  if (isIssue(p)) return [p];
  if (p.time.length === 0) return [{ code: 'no_rows', message: { en: 'No rows to analyse.', zh: '没有可分析的行。' } }];
  return [];
}

function curves(p: SurvInput, confLevel: number, confType: ConfType): { names: string[]; fits: KMCurve[] } {
  if (p.groups) return { names: p.groups.levels, fits: kaplanMeier(p.time, p.ev.event, p.groups.codes, p.groups.levels.length, confLevel, confType) };
  return { names: [''], fits: kaplanMeier(p.time, p.ev.event, null, 1, confLevel, confType) };
}

export function run(ctx: RunContext, input: RunInput): PluginOutput {
  const p = prepareSurv(input, 'strata');
  if (isIssue(p)) throw new Error(p.message.en);
  const confLevel = Number(input.options.conf_level ?? 0.95);
  const confType = String(input.options.conf_type ?? 'log') as ConfType;
  const { names, fits } = curves(p, confLevel, confType);
  ctx.progress(0.6);
  const pct = `${Math.round(confLevel * 1000) / 10}%`;

  const rows: Record<string, CellValue>[] = [];
  let nullSe = false;
  let nullCi = false;
  fits.forEach((f, g) => {
    for (let r = 0; r < f.time.length; r++) {
      const se = f.surv[r] * f.seH[r];
      if (Number.isNaN(se)) nullSe = true;
      if (Number.isNaN(f.lower[r])) nullCi = true;
      rows.push({
        strata: names[g],
        time: f.time[r],
        n_risk: f.nRisk[r],
        n_event: f.nEvent[r],
        n_censor: f.nCensor[r],
        estimate: f.surv[r],
        std_error: nullIfNaN(se),
        conf_low: nullIfNaN(f.lower[r]),
        conf_high: nullIfNaN(f.upper[r]),
      });
    }
  });
  const notes = [
    'std_error is the standard error of the survival estimate (Greenwood), as the std.err column of R’s summary(survfit); survfit()$std.err is that of the cumulative hazard (std_error / estimate).',
    `Confidence intervals: ${pct}, conf.type = "${confType}".`,
  ];
  const notesZh = [
    'std_error 为生存率估计的标准误（Greenwood 法），同 R 中 summary(survfit) 的 std.err 列；survfit()$std.err 为累积风险的标准误（std_error / estimate）。',
    `置信区间：${pct}，conf.type = "${confType}"。`,
  ];
  if (nullSe) {
    notes.push('std_error is null after the last subject at risk has the event (the estimate is 0 and its Greenwood variance is undefined; R reports it as not a number).');
    notesZh.push('当最后一个处于风险中的对象发生事件后（生存率为 0，Greenwood 方差无定义），std_error 为空（R 报告为非数值）。');
  }
  if (nullCi) {
    notes.push(confType === 'log-log' ? 'Confidence limits are null where the estimate is 1 or 0 (undefined on the log-log scale), as R’s NA.' : 'Confidence limits are null where the estimate is 0 (undefined on the log scale), as R’s NA.');
    notesZh.push(confType === 'log-log' ? '生存率为 1 或 0 时置信限在双对数尺度上无定义，为空（同 R 的 NA）。' : '生存率为 0 时置信限在对数尺度上无定义，为空（同 R 的 NA）。');
  }
  const strataCol = p.groups ? [{ key: 'strata', label: p.groupName!, label_zh: p.groupName!, type: 'text' as const }] : [];
  const survfit: ResultTable = {
    title: 'Kaplan–Meier estimates',
    title_zh: 'Kaplan–Meier 估计',
    columns: [
      ...strataCol,
      { key: 'time', label: 'Time', label_zh: '时间', type: 'number' },
      { key: 'n_risk', label: 'At risk', label_zh: '风险人数', type: 'integer' },
      { key: 'n_event', label: 'Events', label_zh: '事件数', type: 'integer' },
      { key: 'n_censor', label: 'Censored', label_zh: '删失数', type: 'integer' },
      { key: 'estimate', label: 'Survival', label_zh: '生存率', type: 'number' },
      { key: 'std_error', label: 'SE', label_zh: '标准误', type: 'number' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
    ],
    rows,
    notes,
    notes_zh: notesZh,
  };

  const medRows = fits.map((f, g) => {
    const m = medianSurvival(f);
    return { strata: names[g], n: f.n, events: f.events, median: nullIfNaN(m.median), conf_low: nullIfNaN(m.lower), conf_high: nullIfNaN(m.upper) };
  });
  const medNotes = ['Median: the first time the survival estimate is at or below 0.5 (the midpoint when it stays exactly at 0.5), as print(survfit). Confidence limits are the times the confidence band crosses 0.5.'];
  const medNotesZh = ['中位生存时间：生存率首次 ≤ 0.5 的时间（恰好停留在 0.5 时取两端中点），同 print(survfit)。置信限为置信带穿过 0.5 的时间。'];
  if (medRows.some((r) => r.median === null || r.conf_high === null || r.conf_low === null)) {
    medNotes.push('null: the curve (or its confidence limit) does not fall to 0.5 within follow-up, so the median (or limit) is not reached (R’s NA).');
    medNotesZh.push('空值：生存曲线（或其置信限）在随访期内未降至 0.5，中位数（或置信限）未达到（R 的 NA）。');
  }
  const median_survival: ResultTable = {
    title: 'Median survival',
    title_zh: '中位生存时间',
    columns: [
      ...strataCol,
      { key: 'n', label: 'n', label_zh: '例数', type: 'integer' },
      { key: 'events', label: 'Events', label_zh: '事件数', type: 'integer' },
      { key: 'median', label: 'Median', label_zh: '中位数', type: 'number' },
      { key: 'conf_low', label: `${pct} CI low`, label_zh: `${pct} CI 下限`, type: 'ci' },
      { key: 'conf_high', label: `${pct} CI high`, label_zh: `${pct} CI 上限`, type: 'ci' },
    ],
    rows: medRows,
    notes: medNotes,
    notes_zh: medNotesZh,
  };
  if (!p.groups) {
    for (const r of rows) delete r.strata;
    for (const r of medRows) delete (r as Record<string, unknown>).strata;
  }

  const warnings: ResultWarning[] = [];
  const totalEvents = fits.reduce((s, f) => s + f.events, 0);
  if (totalEvents === 0) {
    warnings.push({
      code: 'no_events',
      message: `No events (every observation of “${p.eventName}” is censored): the survival estimate stays at 1 and the median is not reached.`,
      message_zh: `没有事件（“${p.eventName}”的所有观测均为删失）：生存率始终为 1，中位生存时间未达到。`,
    });
  }
  fits.forEach((f, g) => {
    if (p.groups && f.n < 5) {
      warnings.push({
        code: 'small_group',
        message: `Group “${names[g]}” has only ${f.n} observations; its curve is very imprecise.`,
        message_zh: `组“${names[g]}”只有 ${f.n} 个观测；其生存曲线非常不精确。`,
      });
    }
  });
  const assumptions: Assumption[] = [
    {
      name: 'Non-informative censoring',
      name_zh: '非informative删失（独立删失）',
      ok: null,
      message: 'Kaplan–Meier assumes that censored subjects have the same prospects as those still followed (censoring unrelated to outcome). It cannot be tested from the data; check why subjects were lost to follow-up.',
      message_zh: 'Kaplan–Meier 法假定删失对象与仍在随访者的预后相同（删失与结局无关）。这无法从数据中检验；请核查失访原因。',
    },
  ];
  if (p.groups && p.groups.levels.length > 1) {
    assumptions.push({
      name: 'Comparing curves',
      name_zh: '曲线比较',
      ok: null,
      message: 'The curves are descriptive; to test whether they differ, use the log-rank test (survival.logrank), or Cox regression to adjust for covariates.',
      message_zh: '生存曲线仅为描述；检验各组曲线是否不同请用 log-rank 检验（survival.logrank），需校正协变量时请用 Cox 回归。',
    });
  }
  return { tables: { median_survival, survfit }, figures: [kmFigure({ groupName: p.groups ? p.groupName : null, timeName: p.timeName, names, fits, confLevel })], assumptions, warnings };
}
