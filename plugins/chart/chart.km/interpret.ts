import type { Interpreter } from '$core/plugin/types';

export const interpret: Interpreter = (result) => {
  const rows = result.tables.at_risk?.rows ?? [];
  const en: string[] = [];
  const zh: string[] = [];
  if (!rows.length) return { en, zh };
  const last = rows[rows.length - 1];
  const start = rows.filter((r) => r.time === rows[0].time).reduce((s, r) => s + (r.n_risk as number), 0);
  const end = rows.filter((r) => r.time === last.time).reduce((s, r) => s + (r.n_risk as number), 0);
  en.push(`Kaplan–Meier curves start with ${start} subjects at risk; ${end} are still followed at time ${last.time}.`);
  zh.push(`Kaplan–Meier 曲线起始时风险人数为 ${start}；至时间 ${last.time} 仍有 ${end} 人在随访。`);
  en.push('Ticks mark censored subjects; the right end of a curve rests on few subjects, so read it with caution. For medians and tests use survival.km and survival.logrank.');
  zh.push('短竖线标记删失对象；曲线右端所依据的人数很少，解读需谨慎。中位生存时间和检验请用 survival.km 与 survival.logrank。');
  return { en, zh };
};
