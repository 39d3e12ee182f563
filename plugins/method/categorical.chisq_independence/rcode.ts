import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const r = rName(one(spec.roles.row));
  const c = rName(one(spec.roles.column));
  const w = one(spec.roles.weight);
  const correct = (o.correct ?? true) ? 'TRUE' : 'FALSE';
  return [
    w ? `tab <- xtabs(${rName(w)} ~ ${r} + ${c}, data = d)` : `tab <- table(d$${r}, d$${c}, dnn = c(${JSON.stringify(one(spec.roles.row))}, ${JSON.stringify(one(spec.roles.column))}))`,
    `fit <- chisq.test(tab, correct = ${correct})`,
    'fit',
    'fit$expected',
    'fit$stdres',
    '# Cramér\'s V (from the uncorrected statistic)',
    'sqrt(chisq.test(tab, correct = FALSE)$statistic / (sum(tab) * (min(dim(tab)) - 1)))',
  ].join('\n');
};
