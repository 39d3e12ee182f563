import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const xs = many(spec.roles.covariates).map(rName);
  const conf = Number(o.conf_level ?? 0.95);
  return [
    '# Text and logical covariates are factors; the reference level is the first in sorted order',
    `fit <- lm(${y} ~ ${xs.join(' + ')}, data = d)`,
    'summary(fit)',
    `broom::tidy(fit, conf.int = TRUE, conf.level = ${conf})`,
    'broom::glance(fit)',
    'anova(fit)  # sequential (type I) sums of squares',
    ...(xs.length > 1 ? ['car::vif(fit)'] : []),
    'plot(fit, which = 1:2)',
  ].join('\n');
};
