import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const x = rName(one(spec.roles.column));
  const w = one(spec.roles.weight);
  const s = String(o.success ?? '').trim();
  const lines = [`f <- factor(d$${x})`, s ? `success <- ${rString(s)}` : 'success <- levels(f)[2]  # the second level in sorted order'];
  if (w) lines.push(`x <- sum(d$${rName(w)}[f == success]); n <- sum(d$${rName(w)})`);
  else lines.push('x <- sum(f == success); n <- length(f)');
  lines.push(`binom.test(x, n, p = ${Number(o.p ?? 0.5)}, alternative = ${rString(String(o.alternative ?? 'two.sided'))}, conf.level = ${Number(o.conf_level ?? 0.95)})`);
  return lines.join('\n');
};
