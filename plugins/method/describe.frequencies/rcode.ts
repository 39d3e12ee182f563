import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const v = spec.roles.variables;
  const vars = (Array.isArray(v) ? v : v ? [v] : []).map(rName);
  const inc = (o.include_missing ?? true) !== false;
  const byFreq = String(o.sort ?? 'level') === 'frequency';
  const lines: string[] = [];
  for (const x of vars) {
    lines.push(`tab <- table(d$${x}${inc ? ', useNA = "ifany"' : ''})`);
    if (byFreq) lines.push('tab <- tab[order(-tab * !is.na(names(tab)), is.na(names(tab)))]  # most frequent first, missing last');
    lines.push('cbind(n = tab, percent = prop.table(tab))');
  }
  return lines.join('\n');
};
