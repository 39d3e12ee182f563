import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  const varEqual = Boolean(o.var_equal ?? false) ? 'TRUE' : 'FALSE';
  const alt = rString(String(o.alternative ?? 'two.sided'));
  const conf = Number(o.conf_level ?? 0.95);
  const mu = Number(o.mu ?? 0);
  return [
    `# Group 1 is the first level of factor(d$${g}); estimate = mean(group 1) - mean(group 2)`,
    `fit <- t.test(${y} ~ ${g}, data = d, var.equal = ${varEqual}, alternative = ${alt}, conf.level = ${conf}, mu = ${mu})`,
    'fit',
    'broom::tidy(fit)',
    `aggregate(${y} ~ ${g}, data = d, FUN = function(v) c(n = length(v), mean = mean(v), sd = sd(v)))`,
    `var.test(${y} ~ ${g}, data = d)`,
  ].join('\n');
};
