import type { RCodeWriter } from '$core/plugin/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec) => {
  const y = rName(one(spec.roles.y));
  const g = rName(one(spec.roles.group));
  const error = String(spec.options?.error ?? 'ci');
  const half = error === 'sd' ? 'sd' : error === 'se' ? 'se' : 'qt(0.975, n - 1) * se';
  return [
    'library(ggplot2)',
    `s <- do.call(rbind, lapply(split(d$${y}, d$${g}), function(v) { n <- sum(!is.na(v)); v <- na.omit(v); se <- sd(v) / sqrt(n)`,
    `  data.frame(n = n, mean = mean(v), sd = sd(v), se = se, half = ${half.replace('sd', 'sd(v)').replace(/^sd\(v\)$/, 'sd(v)')}) }))`,
    `s$group <- factor(rownames(s), levels = rownames(s))`,
    's',
    `ggplot(s, aes(x = group, y = mean)) +\n  geom_col(alpha = 0.7) +\n  geom_errorbar(aes(ymin = mean - half, ymax = mean + half), width = 0.2) +\n  labs(x = ${JSON.stringify(one(spec.roles.group))}, y = ${JSON.stringify(`Mean of ${one(spec.roles.y)}`)})`,
  ].join('\n');
};
