import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const o = spec.options ?? {};
  const y = rName(one(spec.roles.outcome));
  const [a, b] = many(spec.roles.factors).map(rName);
  const type = String(o.type ?? 'II');
  const inter = Boolean(o.interaction ?? true);
  return [
    `d$${a} <- factor(d$${a}); d$${b} <- factor(d$${b})`,
    ...(type === 'III' ? ['options(contrasts = c("contr.sum", "contr.poly"))  # type III needs sum-to-zero contrasts'] : []),
    `fit <- lm(${y} ~ ${a} ${inter ? '*' : '+'} ${b}, data = d)`,
    `car::Anova(fit, type = "${type}")`,
    `aggregate(${y} ~ ${a} + ${b}, data = d, FUN = function(v) c(n = length(v), mean = mean(v), sd = sd(v)))`,
    `car::leveneTest(d$${y}, interaction(d$${a}, d$${b}))`,
    ...(type === 'III' ? ['options(contrasts = c("contr.treatment", "contr.poly"))'] : []),
  ].join('\n');
};
