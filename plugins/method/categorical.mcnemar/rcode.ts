import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const x = rName(one(spec.roles.x));
  const y = rName(one(spec.roles.y));
  const w = one(spec.roles.weight);
  return [
    `lv <- sort(union(unique(d$${x}), unique(d$${y})))  # both measurements on the same categories`,
    `fx <- factor(d$${x}, levels = lv); fy <- factor(d$${y}, levels = lv)`,
    w ? `tab <- xtabs(d$${rName(w)} ~ fx + fy)` : 'tab <- table(fx, fy)',
    'tab',
    `mcnemar.test(tab, correct = ${(o.correct ?? true) ? 'TRUE' : 'FALSE'})`,
  ].join('\n');
};
