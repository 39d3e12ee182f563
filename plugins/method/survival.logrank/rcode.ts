import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';
import { rSurv } from '$core/stats/survival/prepare';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const surv = rSurv(rName(one(spec.roles.time)), rName(one(spec.roles.event)), String(o.event_value ?? ''));
  const g = rName(one(spec.roles.group));
  const rho = Number(o.rho ?? 0);
  return ['library(survival)', `fit <- survdiff(${surv} ~ ${g}, data = d, rho = ${rho})`, 'fit', 'broom::glance(fit)'].join('\n');
};
