import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  const c = String(spec.options?.center ?? 'median') === 'mean' ? 'mean' : 'median';
  return [`car::leveneTest(${y} ~ factor(${g}), data = d, center = ${c})`, `aggregate(${y} ~ ${g}, data = d, FUN = function(v) c(n = length(v), sd = sd(v)))`].join('\n');
};
