import type { RCodeWriter } from '$core/plugin/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const rCode: RCodeWriter = (spec) => {
  const x = rName(one(spec.roles.x) ?? 'x');
  const y = rName(one(spec.roles.y) ?? 'y');
  const g = one(spec.roles.group);
  const col = g ? `, colour = factor(${rName(g)})` : '';
  return [
    'library(ggplot2)',
    g ? `lapply(split(d, d$${rName(g)}), function(s) coef(lm(${y} ~ ${x}, data = s)))` : `fit <- lm(${y} ~ ${x}, data = d)\ngrid <- data.frame(${x} = seq(min(d$${x}, na.rm = TRUE), max(d$${x}, na.rm = TRUE), length.out = 80))\ncbind(grid, predict(fit, grid, interval = "confidence"))`,
    `ggplot(d, aes(x = ${x}, y = ${y}${col})) +\n  geom_point() +\n  geom_smooth(method = "lm", formula = y ~ x, level = 0.95)`,
  ].join('\n');
};
