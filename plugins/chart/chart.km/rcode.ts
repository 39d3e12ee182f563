import type { RCodeWriter } from '$core/plugin/types';
import { rName } from '$core/stats/format';
import { rSurv } from '$core/stats/survival/prepare';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec) => {
  const surv = rSurv(rName(one(spec.roles.time)), rName(one(spec.roles.event)), String(spec.options?.event_value ?? ''));
  const s = one(spec.roles.strata);
  return [
    'library(survival)',
    `fit <- survfit(${surv} ~ ${s ? rName(s) : '1'}, data = d)`,
    `br <- pretty(c(0, max(fit$time))); br <- br[br <= max(fit$time)]`,
    'summary(fit, times = br, extend = TRUE)[c("strata", "time", "n.risk")]',
    `plot(fit, conf.int = ${s ? 'FALSE' : 'TRUE'}, mark.time = TRUE, col = seq_along(fit$n), xlab = ${JSON.stringify(one(spec.roles.time))}, ylab = "Survival probability")`,
  ].join('\n');
};
