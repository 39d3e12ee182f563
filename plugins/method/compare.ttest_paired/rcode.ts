import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const x = rName(one(spec.roles.x));
  const y = rName(one(spec.roles.y));
  const alt = rString(String(o.alternative ?? 'two.sided'));
  return [
    `# paired: the test is on the differences ${x} - ${y}; rows missing either are dropped`,
    `d <- d[complete.cases(d$${x}, d$${y}), ]`,
    `fit <- t.test(d$${x}, d$${y}, paired = TRUE, mu = ${Number(o.mu ?? 0)}, alternative = ${alt}, conf.level = ${Number(o.conf_level ?? 0.95)})`,
    'fit',
    'broom::tidy(fit)',
    `shapiro.test(d$${x} - d$${y})`,
  ].join('\n');
};
