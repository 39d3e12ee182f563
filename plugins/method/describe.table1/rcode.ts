import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rString } from '$core/stats/format';

const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const vars = list(spec.roles.variables);
  const group = list(spec.roles.group)[0];
  const cont = String(o.continuous ?? 'auto');
  const test = Boolean(o.test ?? true);
  const smd = Boolean(o.smd ?? true);
  const vec = `c(${vars.map(rString).join(', ')})`;
  const lines: string[] = [];
  lines.push(`vars <- ${vec}`);
  if (group) {
    lines.push(
      `d <- d[!is.na(d[[${rString(group)}]]), ]  # rows with a missing group are excluded`,
      `g <- factor(d[[${rString(group)}]])`,
    );
  }
  lines.push(
    '# numeric variables: by-group summaries; categorical variables: counts and % of non-missing',
    'for (v in vars) {',
    '  x <- d[[v]]',
    '  if (is.numeric(x)) {',
    '    s <- function(z) { z <- z[!is.na(z)]; c(n = length(z), mean = mean(z), sd = sd(z), median = median(z), q1 = quantile(z, 0.25, names = FALSE), q3 = quantile(z, 0.75, names = FALSE)) }',
    group ? '    print(rbind(Overall = s(x), do.call(rbind, tapply(x, g, s))))' : '    print(s(x))',
  );
  if (group && cont === 'auto') lines.push('    sw <- tapply(x, g, function(z) { z <- z[!is.na(z)]; if (length(z) >= 3 && length(z) <= 5000 && length(unique(z)) > 1) shapiro.test(z)$p.value else NA })', '    normal <- all(is.na(sw) | sw >= 0.05)');
  else if (cont === 'auto') lines.push('    z <- x[!is.na(x)]; normal <- !(length(z) >= 3 && length(z) <= 5000 && length(unique(z)) > 1) || shapiro.test(z)$p.value >= 0.05');
  else lines.push(`    normal <- ${cont === 'mean_sd' ? 'TRUE' : 'FALSE'}  # continuous = ${rString(cont)}`);
  if (group && test) {
    lines.push(
      '    if (nlevels(g) == 2) print(if (normal) t.test(x ~ g) else wilcox.test(x ~ g))',
      '    else print(if (normal) oneway.test(x ~ g, var.equal = TRUE) else kruskal.test(x ~ g))',
    );
  }
  if (group && smd) {
    lines.push('    if (nlevels(g) == 2) { a <- x[g == levels(g)[1]]; b <- x[g == levels(g)[2]]; print((mean(a, na.rm = TRUE) - mean(b, na.rm = TRUE)) / sqrt((var(a, na.rm = TRUE) + var(b, na.rm = TRUE)) / 2)) }');
  }
  lines.push('  } else {');
  if (group) {
    lines.push('    tab <- table(x, g)', '    print(addmargins(tab, 2)); print(round(100 * prop.table(addmargins(tab, 2), 2), 1))');
    if (test) lines.push('    print(if (any(suppressWarnings(chisq.test(tab, correct = FALSE))$expected < 5)) fisher.test(tab) else chisq.test(tab, correct = FALSE))');
  } else {
    lines.push('    print(table(x)); print(round(100 * prop.table(table(x)), 1))');
  }
  lines.push('  }', '  cat("missing:", sum(is.na(x)), "\\n")', '}');
  lines.push(
    '',
    '# The same table with tableone (differences: Welch instead of Student t for 2 groups, Wilcoxon instead of',
    '# Kruskal-Wallis for 2 groups, Fisher chosen automatically when an expected count is < 5):',
    '# library(tableone)',
    `# t1 <- CreateTableOne(vars = ${vec}${group ? `, strata = ${rString(group)}` : ''}, data = d, test = ${test ? 'TRUE' : 'FALSE'}, argsApprox = list(correct = FALSE))`,
    `# print(t1, nonnormal = ${cont === 'median_iqr' ? 'vars' : '<the variables shown as median [IQR]>'}, exact = <the variables tested with Fisher>, smd = ${smd ? 'TRUE' : 'FALSE'}, missing = TRUE)`,
  );
  return lines.join('\n');
};
