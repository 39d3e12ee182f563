import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  const conf = Number(o.conf_level ?? 0.95);
  return [`d$${g} <- factor(d$${g})`, `fit <- aov(${y} ~ ${g}, data = d)`, `TukeyHSD(fit, conf.level = ${conf})`].join('\n');
};
