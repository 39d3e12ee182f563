import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const v = spec.roles.variables;
  const p = rName((Array.isArray(v) ? v[0] : v) ?? '');
  const method = String(spec.options?.method ?? 'holm');
  return [`d$p_adjusted <- p.adjust(d$${p}, method = ${rString(method)})`, `data.frame(row = seq_len(nrow(d)), p_value = d$${p}, p_adjusted = d$p_adjusted)`].join('\n');
};
