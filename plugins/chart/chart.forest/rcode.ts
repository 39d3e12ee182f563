import type { RCodeWriter } from '$core/plugin/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export const rCode: RCodeWriter = (spec) => {
  const lab = rName(one(spec.roles.group));
  const est = rName(one(spec.roles.outcome));
  const ci = Array.isArray(spec.roles.covariates) ? spec.roles.covariates : [spec.roles.covariates ?? '', ''];
  const log = spec.options?.log_scale !== false;
  const ref = Number(spec.options?.reference ?? 1);
  return [
    'library(ggplot2)',
    `d$${lab} <- factor(d$${lab}, levels = rev(unique(d$${lab})))  # first row on top`,
    `ggplot(d, aes(x = ${est}, y = ${lab}, xmin = ${rName(ci[0])}, xmax = ${rName(ci[1])})) +\n  geom_vline(xintercept = ${ref}, linetype = "dashed", colour = "grey50") +\n  geom_pointrange(shape = 15)${log ? ' +\n  scale_x_log10()' : ''} +\n  labs(y = NULL)`,
  ].join('\n');
};
