import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const v = spec.roles.variables;
  const vars = (Array.isArray(v) ? v : v ? [v] : []).map(rString).join(', ');
  const g = Array.isArray(spec.roles.group) ? spec.roles.group[0] : spec.roles.group;
  const lines = [
    '# skewness/kurtosis: e1071 type 2 (SAS/SPSS G1, G2); quartiles: type 7 (R default)',
    'describe <- function(x0) {',
    '  x <- x0[!is.na(x0)]; n <- length(x)',
    '  c(n = n, missing = sum(is.na(x0)), mean = mean(x), sd = sd(x), median = median(x),',
    '    q1 = unname(quantile(x, 0.25)), q3 = unname(quantile(x, 0.75)), iqr = IQR(x), min = min(x), max = max(x),',
    '    skewness = e1071::skewness(x, type = 2), kurtosis = e1071::kurtosis(x, type = 2), se_mean = sd(x) / sqrt(n))',
    '}',
    `vars <- c(${vars})`,
  ];
  if (g) {
    lines.push(
      'do.call(rbind, lapply(vars, function(v) {',
      `  parts <- split(d[[v]], d$${rName(g)})`,
      '  data.frame(variable = v, group = names(parts), t(sapply(parts, describe)), row.names = NULL)',
      '}))',
    );
  } else {
    lines.push('data.frame(variable = vars, t(sapply(d[vars], describe)), row.names = NULL)');
  }
  return lines.join('\n');
};
