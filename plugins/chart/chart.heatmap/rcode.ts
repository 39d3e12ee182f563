import type { RCodeWriter } from '$core/plugin/types';
import { rString } from '$core/stats/format';

export const rCode: RCodeWriter = (spec) => {
  const vars = (Array.isArray(spec.roles.variables) ? spec.roles.variables : [spec.roles.variables ?? '']).map((v) => rString(v));
  const method = String(spec.options?.method ?? 'pearson');
  return [
    `m <- cor(d[, c(${vars.join(', ')})], use = "complete.obs", method = "${method}")`,
    'm',
    'heatmap(m, Rowv = NA, Colv = NA, symm = TRUE, scale = "none", zlim = c(-1, 1), col = hcl.colors(21, "RdBu"))',
  ].join('\n');
};
