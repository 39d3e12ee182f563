import type { RCodeWriter } from '$core/plugin/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const rCode: RCodeWriter = (spec) => {
  const y = rName(one(spec.roles.y) ?? 'y');
  const g = one(spec.roles.group);
  if (!g) return `qqnorm(d$${y}, main = NULL)\nqqline(d$${y}, col = "red")`;
  return [
    'library(ggplot2)',
    `ggplot(d, aes(sample = ${y})) +\n  stat_qq() +\n  stat_qq_line(colour = "red") +\n  facet_wrap(~ ${rName(g)}, scales = "free_y")`,
  ].join('\n');
};
