/**
 * The Hosmer–Lemeshow goodness-of-fit test as ResourceSelection::hoslem.test(y, fitted, g):
 * groups cut at the unique type-7 quantiles of the fitted probabilities at 0, 1/g, ..., 1
 * (cut(..., include.lowest = TRUE), right-closed intervals), statistic
 * Σ (observed − expected)² / expected over both outcome classes of every group, and, as
 * hoslem.test, g − 2 degrees of freedom even when ties leave fewer groups.
 */
import { quantileSorted } from './descriptive';
import { chisqUpper } from './distributions';
import { sortNumeric } from './rank';

export interface HosmerLemeshowGroup {
  lower: number;
  upper: number;
  n: number;
  observed: number;
  expected: number;
  observed0: number;
  expected0: number;
}

export interface HosmerLemeshow {
  statistic: number;
  df: number;
  p_value: number;
  groups: HosmerLemeshowGroup[];
}

/**
 * null when the fitted values are all equal (no groups can be formed). `sorted`, when the
 * caller already has the fitted values sorted ascending, saves sorting a copy.
 */
export function hosmerLemeshow(y: ArrayLike<number>, fitted: ArrayLike<number>, g = 10, sorted?: Float64Array): HosmerLemeshow | null {
  const n = y.length;
  const s = sorted ?? sortNumeric(Float64Array.from(fitted as ArrayLike<number>));
  const qq: number[] = [];
  for (let k = 0; k <= g; k++) {
    const q = quantileSorted(s, k * (1 / g));
    if (qq.length === 0 || q !== qq[qq.length - 1]) qq.push(q);
  }
  const m = qq.length - 1;
  if (m < 1) return null;
  const groups: HosmerLemeshowGroup[] = [];
  for (let k = 0; k < m; k++) groups.push({ lower: qq[k], upper: qq[k + 1], n: 0, observed: 0, expected: 0, observed0: 0, expected0: 0 });
  for (let i = 0; i < n; i++) {
    const v = fitted[i];
    // first k with v <= qq[k + 1]
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v <= qq[mid + 1]) hi = mid;
      else lo = mid + 1;
    }
    const gr = groups[lo];
    gr.n++;
    gr.observed += y[i];
    gr.expected += v;
    gr.observed0 += 1 - y[i];
    gr.expected0 += 1 - v;
  }
  let chisq = 0;
  for (const gr of groups) {
    chisq += (gr.observed - gr.expected) ** 2 / gr.expected + (gr.observed0 - gr.expected0) ** 2 / gr.expected0;
  }
  const df = g - 2;
  return { statistic: chisq, df, p_value: chisqUpper(chisq, df), groups };
}
