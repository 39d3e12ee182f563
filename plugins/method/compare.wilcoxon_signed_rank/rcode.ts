import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const x = rName(one(spec.roles.x));
  const yName = one(spec.roles.y);
  const exact = String(o.exact ?? 'auto');
  const ex = exact === 'true' ? 'TRUE' : exact === 'false' ? 'FALSE' : 'NULL';
  const args = `alternative = ${rString(String(o.alternative ?? 'two.sided'))}, mu = ${Number(o.mu ?? 0)}, exact = ${ex}, correct = ${(o.correct ?? true) ? 'TRUE' : 'FALSE'}, conf.int = ${(o.conf_int ?? true) ? 'TRUE' : 'FALSE'}, conf.level = ${Number(o.conf_level ?? 0.95)}`;
  if (!yName) return [`fit <- wilcox.test(d$${x}, ${args})`, 'fit'].join('\n');
  const y = rName(yName);
  return [
    `# paired: the test is on the differences ${x} - ${y}`,
    `fit <- wilcox.test(d$${x}, d$${y}, paired = TRUE, ${args})`,
    'fit',
    `summary(d$${x} - d$${y})`,
  ].join('\n');
};
