import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const r = rName(one(spec.roles.row));
  const c = rName(one(spec.roles.column));
  const w = one(spec.roles.weight);
  const alt = rString(String(o.alternative ?? 'two.sided'));
  const conf = Number(o.conf_level ?? 0.95);
  return [
    w ? `tab <- xtabs(${rName(w)} ~ ${r} + ${c}, data = d)` : `tab <- table(d$${r}, d$${c}, dnn = c(${JSON.stringify(one(spec.roles.row))}, ${JSON.stringify(one(spec.roles.column))}))`,
    'tab',
    `fisher.test(tab, alternative = ${alt}, conf.level = ${conf})`,
  ].join('\n');
};
