import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const method = String(spec.options?.method ?? 'pearson');
  const x = many(spec.roles.x)[0];
  const y = many(spec.roles.y)[0];
  const zs = many(spec.roles.covariates);
  const all = [x, y, ...zs];
  return [
    `v <- na.omit(d[, c(${all.map(rString).join(', ')})])`,
    `ppcor::pcor.test(v[[${rString(x)}]], v[[${rString(y)}]], v[, c(${zs.map(rString).join(', ')}), drop = FALSE], method = ${rString(method)})`,
    '# the same without ppcor: correlation of residuals',
    method === 'spearman' ? 'v[] <- lapply(v, rank)' : '',
    `rx <- resid(lm(${rName(x)} ~ ${zs.map(rName).join(' + ')}, data = v)); ry <- resid(lm(${rName(y)} ~ ${zs.map(rName).join(' + ')}, data = v))`,
    `r <- cor(rx, ry); df <- nrow(v) - 2 - ${zs.length}; t <- r * sqrt(df / (1 - r^2)); c(estimate = r, statistic = t, p.value = 2 * pt(-abs(t), df))`,
  ]
    .filter(Boolean)
    .join('\n');
};
