/**
 * Kendall's rank correlation tau-b (R's cor(x, y, method = "kendall")) in O(n log n) by
 * Knight's (1966) algorithm: sort the pairs by (x, y), count tied pairs, then count the
 * discordant pairs as the inversions of the y sequence with a bottom-up merge sort. No
 * comparator sort: values are mapped to dense integer codes through a native Float64Array
 * sort, and the (x, y) pairs are sorted as the single number code_x · k_y + code_y.
 *
 * Also R's exact null distribution of T (the number of concordant pairs) without ties
 * (ckendall / pkendall in R's kendall.c) and cor.test's normal approximation with ties.
 */
import { normalCdf, normalUpper, type Alternative } from './distributions';
import { sortNumeric } from './rank';

function lowerBound(s: Float64Array, v: number, len: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Dense 0-based codes (equal values share a code, order kept) and the sizes of tie groups (≥ 2). */
export function denseCodes(x: ArrayLike<number>): { codes: Float64Array; k: number; ties: number[] } {
  const n = x.length;
  const s = sortNumeric(Float64Array.from(x));
  const ties: number[] = [];
  let k = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && s[j] === s[i]) j++;
    if (j - i > 1) ties.push(j - i);
    s[k++] = s[i];
    i = j;
  }
  const codes = new Float64Array(n);
  for (let i = 0; i < n; i++) codes[i] = lowerBound(s, x[i], k);
  return { codes, k, ties };
}

/** Number of pairs i < j with a[i] > a[j] (a is reordered in place). */
export function countInversions(a: Int32Array): number {
  const n = a.length;
  let src: Int32Array = a;
  let dst: Int32Array = new Int32Array(n);
  let inv = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (src[i] <= src[j]) dst[k++] = src[i++];
        else {
          dst[k++] = src[j++];
          inv += mid - i;
        }
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src);
  return inv;
}

export interface KendallTau {
  /** tau-b; NaN when x or y is constant. */
  tau: number;
  n: number;
  /** n(n − 1)/2 */
  n0: number;
  /** pairs tied in x, in y, in both */
  tiedX: number;
  tiedY: number;
  tiedXY: number;
  /** discordant pairs */
  discordant: number;
  /** concordant minus discordant pairs (Kendall's S) */
  s: number;
  xTies: number[];
  yTies: number[];
}

/** Kendall's tau-b of two equally long arrays of finite numbers. */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): KendallTau {
  const n = x.length;
  const cx = denseCodes(x);
  const cy = denseCodes(y);
  const ky = cy.k;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = cx.codes[i] * ky + cy.codes[i];
  keys.sort();
  let tiedXY = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && keys[j] === keys[i]) j++;
    const t = j - i;
    tiedXY += (t * (t - 1)) / 2;
    i = j;
  }
  const seq = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const xc = Math.floor(keys[i] / ky);
    seq[i] = keys[i] - xc * ky;
  }
  const discordant = countInversions(seq);
  const pairs = (ties: number[]) => ties.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  const n0 = (n * (n - 1)) / 2;
  const tiedX = pairs(cx.ties);
  const tiedY = pairs(cy.ties);
  const s = n0 - tiedX - tiedY + tiedXY - 2 * discordant;
  const den = Math.sqrt(n0 - tiedX) * Math.sqrt(n0 - tiedY);
  const tau = den > 0 ? s / den : NaN;
  return { tau, n, n0, tiedX, tiedY, tiedXY, discordant, s, xTies: cx.ties, yTies: cy.ties };
}

/** Largest n for which the exact distribution is computed (R's n! overflows a double beyond 170). */
export const KENDALL_EXACT_MAX_N = 170;

/**
 * P(T ≤ q) for T the number of concordant pairs among n untied pairs under independence
 * (R's pkendall(q, n)): counts of permutations of n with k inversions, summed for k ≤ q,
 * divided by n!. Rows are computed only up to q.
 */
export function pkendall(q: number, n: number): number {
  q = Math.floor(q + 1e-7);
  const u = (n * (n - 1)) / 2;
  if (q < 0) return 0;
  if (q > u) return 1;
  let w = new Float64Array(q + 1);
  w[0] = 1; // n = 1
  let next = new Float64Array(q + 1);
  for (let m = 2; m <= n; m++) {
    for (let k = 0; k <= q; k++) {
      let s = 0;
      const lo = Math.max(0, k - (m - 1));
      for (let j = k; j >= lo; j--) s += w[j];
      next[k] = s;
    }
    const t = w;
    w = next;
    next = t;
  }
  let p = 0;
  for (let k = 0; k <= q; k++) p += w[k];
  let nfac = 1;
  for (let i = 2; i <= n; i++) nfac *= i;
  return p / nfac;
}

export interface KendallTest {
  estimate: number | null;
  /** T (exact) or z (normal approximation) */
  statistic: number | null;
  statisticName: 'T' | 'z';
  p_value: number | null;
  exact: boolean;
  ties: boolean;
  n: number;
}

/**
 * R's cor.test(x, y, method = "kendall", alternative, exact, continuity).
 * `exact` null = R's default (exact when n < 50); exact is only possible without ties.
 */
export function kendallTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  alternative: Alternative = 'two.sided',
  exact: boolean | null = null,
  continuity = false,
): KendallTest & { kt: KendallTau; exactRefused: 'ties' | 'large_n' | null } {
  const kt = kendallTau(x, y);
  const n = kt.n;
  const ties = kt.xTies.length > 0 || kt.yTies.length > 0;
  const base = { n, ties, kt };
  if (!Number.isFinite(kt.tau)) {
    return { ...base, estimate: null, statistic: null, statisticName: 'T', p_value: null, exact: false, exactRefused: null };
  }
  const r = kt.tau;
  const ex = exact === null ? n < 50 : exact;
  if (ex && !ties && n <= KENDALL_EXACT_MAX_N) {
    const q = Math.round(((r + 1) * n * (n - 1)) / 4);
    let p: number;
    if (alternative === 'two.sided') {
      const pp = q > (n * (n - 1)) / 4 ? 1 - pkendall(q - 1, n) : pkendall(q, n);
      p = Math.min(2 * pp, 1);
    } else if (alternative === 'greater') p = 1 - pkendall(q - 1, n);
    else p = pkendall(q, n);
    return { ...base, estimate: r, statistic: q, statisticName: 'T', p_value: p, exact: true, exactRefused: null };
  }
  const T0 = kt.n0;
  const T1 = kt.tiedX;
  const T2 = kt.tiedY;
  let S = r * Math.sqrt((T0 - T1) * (T0 - T2));
  const v0 = n * (n - 1) * (2 * n + 5);
  let vt = 0, vu = 0, sx1 = 0, sy1 = 0, sx2 = 0, sy2 = 0;
  for (const t of kt.xTies) {
    vt += t * (t - 1) * (2 * t + 5);
    sx1 += t * (t - 1);
    sx2 += t * (t - 1) * (t - 2);
  }
  for (const t of kt.yTies) {
    vu += t * (t - 1) * (2 * t + 5);
    sy1 += t * (t - 1);
    sy2 += t * (t - 1) * (t - 2);
  }
  const varS = (v0 - vt - vu) / 18 + (sx1 * sy1) / (2 * n * (n - 1)) + (sx2 * sy2) / (9 * n * (n - 1) * (n - 2));
  if (continuity) S = Math.sign(S) * (Math.abs(S) - 1);
  const z = S / Math.sqrt(varS);
  const p =
    alternative === 'less' ? normalCdf(z) : alternative === 'greater' ? normalUpper(z) : 2 * Math.min(normalCdf(z), normalUpper(z));
  return {
    ...base,
    estimate: r,
    statistic: z,
    statisticName: 'z',
    p_value: p,
    exact: false,
    exactRefused: ex ? (ties ? 'ties' : 'large_n') : null,
  };
}
