/**
 * Multiple-comparison adjustment of p-values, as R's p.adjust(p, method).
 *
 * Missing p-values (NaN or null) stay missing and do not count towards n (R evaluates its
 * default n = length(p) after dropping NAs). No comparator sort: the p-values are sorted as a
 * Float64Array and each one finds its place by binary search. Tied p-values get the same
 * adjusted value whatever their order, so this equals R's order()-based code.
 */

import { lowerBound } from './search';
import type { PAdjustMethod } from './padjust-methods';

export { P_ADJUST_METHODS, type PAdjustMethod } from './padjust-methods';

/**
 * Adjusted p-values in the input's order (R's p.adjust). `n` defaults to the number of
 * non-missing p-values and may be larger (R's n argument). Missing inputs give NaN.
 */
export function pAdjust(p: ArrayLike<number | null>, method: PAdjustMethod = 'holm', n?: number): Float64Array {
  const len = p.length;
  const out = new Float64Array(len).fill(NaN);
  let lp = 0;
  for (let i = 0; i < len; i++) {
    const v = p[i];
    if (v !== null && !Number.isNaN(v)) lp++;
  }
  const m = n ?? lp;
  if (m < lp) throw new Error('p.adjust: n must be at least the number of p-values');
  const idx = new Int32Array(lp);
  const s = new Float64Array(lp);
  for (let i = 0, k = 0; i < len; i++) {
    const v = p[i];
    if (v !== null && !Number.isNaN(v)) {
      idx[k] = i;
      s[k++] = v;
    }
  }
  if (m <= 1 || method === 'none') {
    for (let k = 0; k < lp; k++) out[idx[k]] = s[k];
    return out;
  }
  let meth: PAdjustMethod = method === 'fdr' ? 'BH' : method;
  if (m === 2 && meth === 'hommel') meth = 'hochberg';

  if (meth === 'bonferroni') {
    for (let k = 0; k < lp; k++) out[idx[k]] = Math.min(1, m * s[k]);
    return out;
  }
  const sorted = Float64Array.from(s).sort();
  const adj = new Float64Array(lp); // adjusted value at each ascending position
  if (meth === 'holm') {
    let cm = -Infinity;
    for (let j = 0; j < lp; j++) {
      cm = Math.max(cm, (m - j) * sorted[j]);
      adj[j] = Math.min(1, cm);
    }
  } else if (meth === 'hochberg' || meth === 'BH' || meth === 'BY') {
    let q = 1;
    if (meth === 'BY') {
      q = 0;
      for (let i = 1; i <= m; i++) q += 1 / i;
    }
    let cm = Infinity;
    for (let j = lp - 1; j >= 0; j--) {
      const i = j + 1; // 1-based ascending position
      const f = meth === 'hochberg' ? m + 1 - i : (q * m) / i;
      cm = Math.min(cm, f * sorted[j]);
      adj[j] = Math.min(1, cm);
    }
  } else if (meth === 'hommel') {
    // R's algorithm on the ascending p-values, padded with 1s up to n
    const ps = new Float64Array(m).fill(1);
    ps.set(sorted);
    let mn = Infinity;
    for (let i = 1; i <= m; i++) mn = Math.min(mn, (m * ps[i - 1]) / i);
    const q = new Float64Array(m).fill(mn);
    const pa = new Float64Array(m).fill(mn);
    for (let j = m - 1; j >= 2; j--) {
      // i1 = 1..(m - j + 1), i2 = (m - j + 2)..m (1-based)
      let q1 = Infinity;
      for (let t = 2; t <= j; t++) q1 = Math.min(q1, (j * ps[m - j + t - 1]) / t);
      for (let i = 1; i <= m - j + 1; i++) q[i - 1] = Math.min(j * ps[i - 1], q1);
      for (let i = m - j + 2; i <= m; i++) q[i - 1] = q[m - j];
      for (let i = 0; i < m; i++) pa[i] = Math.max(pa[i], q[i]);
    }
    for (let j = 0; j < lp; j++) adj[j] = Math.max(pa[j], ps[j]);
  } else {
    throw new Error(`p.adjust: unknown method ${String(method)}`);
  }
  for (let k = 0; k < lp; k++) {
    // Tied p-values share one adjusted value; which tied position is used does not matter for
    // holm/hochberg/BH/BY (see header). For hommel, R's stable order gives tied values possibly
    // different entries of pa; use the first tied position plus the offset among ties so the
    // assignment follows the input order as R's order() does.
    out[idx[k]] = adj[lowerBound(sorted, s[k])];
  }
  if (meth === 'hommel') {
    // stable assignment for ties (R's order() keeps input order among ties)
    const seen = new Map<number, number>();
    for (let k = 0; k < lp; k++) {
      const base = lowerBound(sorted, s[k]);
      const off = seen.get(s[k]) ?? 0;
      seen.set(s[k], off + 1);
      out[idx[k]] = adj[base + off];
    }
  }
  return out;
}
