import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const r = rName(one(spec.roles.row));
  const c = rName(one(spec.roles.column));
  const k = rName(one(spec.roles.layer));
  const w = one(spec.roles.weight);
  const tf = (v: unknown, d: boolean) => ((v ?? d) ? 'TRUE' : 'FALSE');
  const exact = Boolean(o.exact ?? false);
  return [
    w ? `tab <- xtabs(${rName(w)} ~ ${r} + ${c} + ${k}, data = d)` : `tab <- xtabs(~ ${r} + ${c} + ${k}, data = d)`,
    'tab',
    `mantelhaen.test(tab, alternative = ${rString(String(o.alternative ?? 'two.sided'))}, correct = ${tf(o.correct, true)}, exact = ${exact ? 'TRUE' : 'FALSE'}, conf.level = ${Number(o.conf_level ?? 0.95)})`,
    '# stratum odds ratios',
    'apply(tab, 3, function(t) t[1, 1] * t[2, 2] / (t[1, 2] * t[2, 1]))',
    `# Breslow-Day test${(o.tarone ?? false) ? ' with Tarone\'s correction' : ''} (strata with a zero margin are skipped here)`,
    `DescTools::BreslowDayTest(tab, correct = ${tf(o.tarone, false)})`,
  ].join('\n');
};
