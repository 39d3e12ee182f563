import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  const varEqual = Boolean(o.var_equal ?? true);
  return [
    `d$${g} <- factor(d$${g})`,
    `fit <- aov(${y} ~ ${g}, data = d)`,
    'summary(fit)',
    'eta_squared <- summary(fit)[[1]][1, "Sum Sq"] / sum(summary(fit)[[1]][, "Sum Sq"])',
    `oneway.test(${y} ~ ${g}, data = d, var.equal = ${varEqual ? 'TRUE' : 'FALSE'})`,
    `car::leveneTest(${y} ~ ${g}, data = d)  # Brown-Forsythe (center = median)`,
  ].join('\n');
};
