import type { RCodeWriter } from '$core/plugin/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const rCode: RCodeWriter = (spec) => {
  const y = rName(one(spec.roles.y) ?? 'y');
  const g = one(spec.roles.group);
  const violin = Boolean(spec.options?.violin);
  const lines = ['library(ggplot2)'];
  const aes = g ? `aes(x = factor(${rName(g)}), y = ${y})` : `aes(x = "", y = ${y})`;
  lines.push(g ? `tapply(d$${y}, d$${rName(g)}, function(v) boxplot.stats(v)$stats)` : `boxplot.stats(d$${y})$stats`);
  if (violin) lines.push(g ? `lapply(split(d$${y}, d$${rName(g)}), density)  # gaussian, bw.nrd0, n = 512` : `density(na.omit(d$${y}))`);
  lines.push(`ggplot(d, ${aes}) +${violin ? '\n  geom_violin(bw = "nrd0", trim = FALSE, scale = "area") +' : ''}\n  geom_boxplot(width = ${violin ? 0.2 : 0.6}) +\n  labs(x = ${JSON.stringify(g ?? '')}, y = ${JSON.stringify(one(spec.roles.y) ?? 'y')})`);
  return lines.join('\n');
};
