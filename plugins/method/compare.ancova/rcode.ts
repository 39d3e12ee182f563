import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  const xs = many(spec.roles.covariates).map(rName);
  return [
    `d$${g} <- factor(d$${g})`,
    `fit <- lm(${y} ~ ${g} + ${xs.join(' + ')}, data = d)`,
    'car::Anova(fit, type = "II")',
    'broom::tidy(fit, conf.int = TRUE)',
    '# adjusted means at the covariate means (as emmeans::emmeans(fit, ~ group))',
    `grid <- data.frame(${g} = factor(levels(d$${g}), levels = levels(d$${g}))${xs.map((x) => `, ${x} = mean(d$${x})`).join('')})`,
    'X0 <- model.matrix(delete.response(terms(fit)), grid)',
    'est <- drop(X0 %*% coef(fit)); se <- sqrt(diag(X0 %*% vcov(fit) %*% t(X0)))',
    'data.frame(grid[1], estimate = est, std_error = se, conf_low = est - qt(0.975, fit$df.residual) * se, conf_high = est + qt(0.975, fit$df.residual) * se)',
    '# homogeneity of regression slopes',
    `anova(fit, lm(${y} ~ ${g} + ${xs.join(' + ')} + ${xs.map((x) => `${g}:${x}`).join(' + ')}, data = d))`,
  ].join('\n');
};
