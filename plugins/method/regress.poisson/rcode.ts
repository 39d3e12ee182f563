import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const rhs = many(spec.roles.covariates).map(rName);
  const e = one(spec.roles.exposure);
  if (e) rhs.push(`offset(log(${rName(e)}))`);
  const conf = Number(o.conf_level ?? 0.95);
  return [
    '# Text columns as factors with levels in code-point order (the reference level is the first)',
    'for (v in names(d)) if (is.character(d[[v]])) d[[v]] <- factor(d[[v]], levels = sort(unique(d[[v]]), method = "radix"))',
    `fit <- glm(${y} ~ ${rhs.join(' + ')}, family = poisson, data = d)`,
    'summary(fit)',
    `ci <- confint.default(fit, level = ${conf})  # Wald intervals`,
    'cbind(RR = exp(coef(fit)), exp(ci))',
    'broom::glance(fit)',
    '# likelihood-ratio test against the intercept-only model',
    'with(fit, c(statistic = null.deviance - deviance, df = df.null - df.residual, p.value = pchisq(null.deviance - deviance, df.null - df.residual, lower.tail = FALSE)))',
    '# overdispersion: Pearson chi-square / residual df (> 1.5: consider quasipoisson or MASS::glm.nb)',
    'sum(residuals(fit, type = "pearson")^2) / df.residual(fit)',
  ].join('\n');
};
