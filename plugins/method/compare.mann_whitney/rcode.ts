import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  const exact = String(o.exact ?? 'auto');
  const ex = exact === 'true' ? 'TRUE' : exact === 'false' ? 'FALSE' : 'NULL';
  const ci = (o.conf_int ?? true) ? 'TRUE' : 'FALSE';
  return [
    `# Group 1 is the first level of factor(d$${g}); W and the estimate refer to group 1 - group 2`,
    `fit <- wilcox.test(${y} ~ ${g}, data = d, alternative = ${rString(String(o.alternative ?? 'two.sided'))}, mu = ${Number(o.mu ?? 0)}, exact = ${ex}, correct = ${(o.correct ?? true) ? 'TRUE' : 'FALSE'}, conf.int = ${ci}, conf.level = ${Number(o.conf_level ?? 0.95)})`,
    'fit',
    `aggregate(${y} ~ ${g}, data = d, FUN = function(v) c(n = length(v), median = median(v), quantile(v, c(0.25, 0.75))))`,
  ].join('\n');
};
