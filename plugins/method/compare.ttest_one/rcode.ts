import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const alt = rString(String(o.alternative ?? 'two.sided'));
  return [
    `fit <- t.test(d$${y}, mu = ${Number(o.mu ?? 0)}, alternative = ${alt}, conf.level = ${Number(o.conf_level ?? 0.95)})`,
    'fit',
    'broom::tidy(fit)',
    `shapiro.test(d$${y})`,
  ].join('\n');
};
