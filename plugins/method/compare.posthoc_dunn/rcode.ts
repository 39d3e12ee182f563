import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const y = rName(one(spec.roles.outcome));
  const g = rName(one(spec.roles.group));
  const m = rString(String(spec.options?.method ?? 'holm'));
  return [
    `# install.packages("FSA") if needed`,
    `FSA::dunnTest(${y} ~ factor(${g}), data = d, method = ${m})`,
    '# or, by formula with base R:',
    `dd <- d[complete.cases(d$${y}, d$${g}), ]; r <- rank(dd$${y}); g <- factor(dd$${g}); N <- nrow(dd); tt <- table(dd$${y})`,
    's2 <- N * (N + 1) / 12 - sum(tt^3 - tt) / (12 * (N - 1)); mr <- tapply(r, g, mean); ni <- table(g)',
    'pr <- combn(levels(g), 2); z <- (mr[pr[1, ]] - mr[pr[2, ]]) / sqrt(s2 * (1 / ni[pr[1, ]] + 1 / ni[pr[2, ]]))',
    `data.frame(contrast = paste(pr[1, ], "-", pr[2, ]), z = z, p = 2 * pnorm(-abs(z)), p_adjusted = p.adjust(2 * pnorm(-abs(z)), ${m}))`,
  ].join('\n');
};
