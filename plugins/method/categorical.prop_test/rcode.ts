import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.row));
  const g = one(spec.roles.column);
  const w = one(spec.roles.weight);
  const s = String(o.success ?? '').trim();
  const wt = w ? `d$${rName(w)}` : `rep(1, nrow(d))`;
  const common = `alternative = ${rString(String(o.alternative ?? 'two.sided'))}, conf.level = ${Number(o.conf_level ?? 0.95)}, correct = ${(o.correct ?? true) ? 'TRUE' : 'FALSE'}`;
  const lines = [`f <- factor(d$${y})`, s ? `success <- ${rString(s)}` : 'success <- levels(f)[2]  # the second level in sorted order', `w <- ${wt}`];
  if (g) {
    lines.push(`g <- factor(d$${rName(g)})`, 'x <- tapply(w * (f == success), g, sum); n <- tapply(w, g, sum)', `prop.test(x, n, ${common})`);
  } else {
    lines.push('x <- sum(w[f == success]); n <- sum(w)', `prop.test(x, n, p = ${Number(o.p ?? 0.5)}, ${common})`);
  }
  return lines.join('\n');
};
