import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const y = rName(one(spec.roles.outcome));
  const w = rName(one(spec.roles.within));
  const id = rName(one(spec.roles.id));
  return [
    `# long form: one row per ${id} and ${w}; every ${id} needs exactly one row per level of ${w}`,
    `d[[${JSON.stringify(one(spec.roles.within))}]] <- factor(d[[${JSON.stringify(one(spec.roles.within))}]]); d[[${JSON.stringify(one(spec.roles.id))}]] <- factor(d[[${JSON.stringify(one(spec.roles.id))}]])`,
    `stopifnot(all(table(d$${id}, d$${w}) == 1))`,
    `fit <- friedman.test(${y} ~ ${w} | ${id}, data = d)`,
    'fit',
    `# Kendall's W = statistic / (n (k - 1))`,
    `unname(fit$statistic) / (nlevels(d$${id}) * (nlevels(d$${w}) - 1))`,
  ].join('\n');
};
