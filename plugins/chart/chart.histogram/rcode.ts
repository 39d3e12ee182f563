import type { RCodeWriter } from '$core/plugin/types';
import type { AnalysisSpec } from '$core/results/types';
import { rName } from '$core/stats/format';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const rCode: RCodeWriter = (spec: AnalysisSpec) => {
  const x = rName(one(spec.roles.x) ?? 'x');
  const g = one(spec.roles.group);
  const bins = Number(spec.options?.bins ?? 0);
  const br = bins > 0 ? `, breaks = ${bins}` : '';
  const lines: string[] = [];
  const bt = (h: string) => `data.frame(bin_start = head(${h}$breaks, -1), bin_end = ${h}$breaks[-1], count = ${h}$counts, density = ${h}$density, mid = ${h}$mids)`;
  if (!g) {
    lines.push(`h <- hist(d$${x}${br}, main = NULL, xlab = ${JSON.stringify(one(spec.roles.x) ?? 'x')})`, bt('h'));
  } else {
    const gg = rName(g);
    lines.push(
      `ok <- is.finite(d$${x}) & !is.na(d$${gg})`,
      `h <- hist(d$${x}[ok]${br}, plot = FALSE)  # breaks shared by all groups`,
      `parts <- split(d$${x}[ok], d$${gg}[ok])`,
      `do.call(rbind, lapply(names(parts), function(lv) { hg <- hist(parts[[lv]], breaks = h$breaks, plot = FALSE); data.frame(group = lv, ${bt('hg').replace('data.frame(', '')} }))`,
    );
  }
  return lines.join('\n');
};
