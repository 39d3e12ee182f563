import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const vars = many(spec.roles.variables).map(rName);
  const g = many(spec.roles.group)[0];
  const lines = [
    '# nortest::lillie.test gives the Lilliefors test (install.packages("nortest"))',
    'normality <- function(x) { x <- x[!is.na(x)]',
    '  c(n = length(x),',
    '    W = if (length(x) >= 3 && length(x) <= 5000) unname(shapiro.test(x)$statistic) else NA,',
    '    p_W = if (length(x) >= 3 && length(x) <= 5000) shapiro.test(x)$p.value else NA,',
    '    D = if (length(x) >= 5) unname(nortest::lillie.test(x)$statistic) else NA,',
    '    p_D = if (length(x) >= 5) nortest::lillie.test(x)$p.value else NA) }',
  ];
  for (const v of vars) {
    if (g) lines.push(`sapply(split(d$${v}, d$${rName(g)}), normality)`);
    else lines.push(`normality(d$${v})`);
    lines.push(`qqnorm(d$${v}, main = "${v}"); qqline(d$${v})`);
  }
  return lines.join('\n');
};
