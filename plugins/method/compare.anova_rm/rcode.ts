import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName, rString } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const yRaw = one(spec.roles.outcome);
  const y = rName(yRaw);
  const w = rName(one(spec.roles.within));
  const id = rName(one(spec.roles.id));
  return [
    `d$${w} <- factor(d$${w})`,
    `lv <- levels(d$${w})`,
    '# keep subjects measured at every level; average repeated rows',
    `complete <- names(which(tapply(d$${w}, d$${id}, function(x) all(lv %in% x))))`,
    `d <- d[d$${id} %in% complete, ]`,
    `Y <- tapply(d$${y}, list(d$${id}, d$${w}), mean)[, lv]`,
    'fit <- lm(Y ~ 1)',
    `idata <- data.frame(${w} = factor(lv, levels = lv))`,
    `av <- car::Anova(fit, idata = idata, idesign = ~${w}, type = "III")`,
    'summary(av, multivariate = FALSE)  # univariate tests, Mauchly, GG and HF corrections',
    `# ${rString(yRaw)} in wide form: one row per subject, one column per level`,
  ].join('\n');
};
