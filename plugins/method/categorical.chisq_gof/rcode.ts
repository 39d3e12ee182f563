import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const c = rName(one(spec.roles.column));
  const w = one(spec.roles.weight);
  const p = String(o.p ?? '').trim();
  const lines = [
    w ? `x <- xtabs(${rName(w)} ~ ${c}, data = d)` : `x <- table(d$${c})`,
    p ? `p <- c(${p.split(/[,;\s]+/).filter((s) => s !== '').join(', ')})  # in level order` : 'p <- rep(1 / length(x), length(x))  # equal proportions',
    'fit <- chisq.test(x, p = p)',
    'fit',
    'fit$expected',
    'fit$residuals',
    'fit$stdres',
  ];
  return lines.join('\n');
};
