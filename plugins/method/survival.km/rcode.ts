import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';
import { rSurv } from '$core/stats/survival/prepare';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const surv = rSurv(rName(one(spec.roles.time)), rName(one(spec.roles.event)), String(o.event_value ?? ''));
  const s = one(spec.roles.strata);
  const rhs = s ? rName(s) : '1';
  const conf = Number(o.conf_level ?? 0.95);
  const type = String(o.conf_type ?? 'log');
  return [
    'library(survival)',
    `fit <- survfit(${surv} ~ ${rhs}, data = d, conf.int = ${conf}, conf.type = ${JSON.stringify(type)})`,
    'print(fit)  # median survival with confidence limits',
    '# std.err below is that of the survival estimate; fit$std.err is that of the cumulative hazard',
    'summary(fit, censored = TRUE)',
    `plot(fit, conf.int = ${s ? 'FALSE' : 'TRUE'}, mark.time = TRUE, xlab = ${JSON.stringify(one(spec.roles.time))}, ylab = "Survival probability")`,
  ].join('\n');
};
