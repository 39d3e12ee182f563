import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.row));
  const g = rName(one(spec.roles.column));
  const w = one(spec.roles.weight);
  const s = String(o.success ?? '').trim();
  const sc = String(o.scores ?? '').trim();
  return [
    `f <- factor(d$${y})`,
    s ? `success <- ${rString(s)}` : 'success <- levels(f)[2]  # the second level in sorted order',
    `w <- ${w ? `d$${rName(w)}` : 'rep(1, nrow(d))'}`,
    `g <- factor(d$${g})  # groups in level order`,
    'x <- tapply(w * (f == success), g, sum); n <- tapply(w, g, sum)',
    'keep <- !is.na(n) & n > 0; x <- x[keep]; n <- n[keep]',
    sc ? `score <- c(${sc.split(/[,;\s]+/).filter((v) => v !== '').join(', ')})` : 'score <- seq_along(x)',
    'cbind(x, n, proportion = x / n, score)',
    'prop.trend.test(x, n, score)',
  ].join('\n');
};
