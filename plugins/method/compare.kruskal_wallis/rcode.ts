import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  return [
    `fit <- kruskal.test(${y} ~ ${g}, data = d)`,
    'fit',
    `n <- sum(complete.cases(d$${y}, d$${g}))`,
    '# epsilon-squared effect size',
    'unname(fit$statistic) * (n + 1) / (n^2 - 1)',
    `aggregate(${y} ~ ${g}, data = d, FUN = function(v) c(n = length(v), median = median(v)))`,
  ].join('\n');
};
