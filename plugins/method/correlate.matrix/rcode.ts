import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rString } from '$core/stats/format';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const vars = (Array.isArray(spec.roles.variables) ? spec.roles.variables : [spec.roles.variables]).filter(Boolean) as string[];
  const method = String(o.method ?? 'pearson');
  const adjust = String(o.adjust ?? 'holm');
  const use = String(o.use ?? 'pairwise');
  return [
    `v <- d[, c(${vars.map(rString).join(', ')})]`,
    use === 'complete' ? 'v <- na.omit(v)' : '# pairwise deletion: each pair uses its complete rows',
    `cor(v, method = ${rString(method)}, use = ${rString(use === 'complete' ? 'complete.obs' : 'pairwise.complete.obs')})`,
    'pairs <- t(combn(names(v), 2))',
    `res <- do.call(rbind, lapply(seq_len(nrow(pairs)), function(i) {`,
    `  ct <- suppressWarnings(cor.test(v[[pairs[i, 1]]], v[[pairs[i, 2]]], method = ${rString(method)}))`,
    '  data.frame(var1 = pairs[i, 1], var2 = pairs[i, 2], estimate = unname(ct$estimate),',
    '             n = sum(complete.cases(v[[pairs[i, 1]]], v[[pairs[i, 2]]])), p_value = ct$p.value)',
    '}))',
    `res$p_adjusted <- p.adjust(res$p_value, method = ${rString(adjust)})`,
    'res',
  ].join('\n');
};
