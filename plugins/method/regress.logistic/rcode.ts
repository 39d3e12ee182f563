import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const xs = many(spec.roles.covariates).map(rName);
  const ev = String(o.event_value ?? '');
  const conf = Number(o.conf_level ?? 0.95);
  return [
    '# Text columns as factors with levels in code-point order (the reference level is the first)',
    'for (v in names(d)) if (is.character(d[[v]])) d[[v]] <- factor(d[[v]], levels = sort(unique(d[[v]]), method = "radix"))',
    ev === ''
      ? `d$.event <- as.integer(factor(d$${y}) == levels(factor(d$${y}))[2])  # the second level is the event`
      : `d$.event <- as.integer(as.character(d$${y}) == ${rString(ev)})`,
    `fit <- glm(.event ~ ${xs.join(' + ')}, family = binomial, data = d)`,
    'summary(fit)',
    `ci <- confint.default(fit, level = ${conf})  # Wald intervals`,
    'cbind(OR = exp(coef(fit)), exp(ci))',
    'broom::glance(fit)',
    '# likelihood-ratio test against the intercept-only model',
    'with(fit, c(statistic = null.deviance - deviance, df = df.null - df.residual, p.value = pchisq(null.deviance - deviance, df.null - df.residual, lower.tail = FALSE)))',
    '# Hosmer-Lemeshow (g = 10) and AUC',
    'ResourceSelection::hoslem.test(fit$y, fitted(fit), g = 10)',
    'pROC::auc(pROC::roc(fit$y, fitted(fit), direction = "<", levels = c(0, 1)))',
  ].join('\n');
};
