import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';
import { rSurv } from '$core/stats/survival/prepare';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const surv = rSurv(rName(one(spec.roles.time)), rName(one(spec.roles.event)), String(o.event_value ?? ''));
  const s = one(spec.roles.strata);
  const rhs = [...many(spec.roles.covariates).map(rName), ...(s ? [`strata(${rName(s)})`] : [])].join(' + ');
  const ties = String(o.ties ?? 'efron');
  const conf = Number(o.conf_level ?? 0.95);
  return [
    'library(survival)',
    `fit <- coxph(${surv} ~ ${rhs}, data = d, ties = ${JSON.stringify(ties)})`,
    `summary(fit, conf.int = ${conf})`,
    `broom::tidy(fit, conf.int = TRUE, conf.level = ${conf}, exponentiate = TRUE)`,
    'broom::glance(fit)',
    'cox.zph(fit, transform = "km")',
  ].join('\n');
};
