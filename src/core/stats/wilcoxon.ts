/**
 * Wilcoxon rank-sum (Mann–Whitney) and signed-rank tests as R's wilcox.test(): exact null
 * distributions (pwilcox/qwilcox, psignrank/qsignrank), the normal approximation with tie and
 * continuity corrections, and the Hodges–Lehmann estimate with its confidence interval —
 * exact (order statistics of the pairwise differences / Walsh averages) or, with ties or
 * large samples, by inverting the normal approximation with R's uniroot (Brent's zeroin,
 * ported from R's zeroin.c, tol.root = 1e-4 as R) so that the same iterates give R's numbers.
 */
import { uniroot } from './uniroot';
import { rankAverage, sortNumeric, tieCorrection } from './rank';
import { normalCdf, normalQuantile, normalUpper, type Alternative } from './distributions';

const DBL_EPSILON = 2.220446049250313e-16;

// ---------------------------------------------------------------------------------------------
// Exact distributions

const wilcoxCache = new Map<string, Float64Array>();

/**
 * Counts of the rank-sum statistic W = 0..m n (number of ways, out of choose(m + n, m)), as
 * R's cwilcox. Additive DP over ranks (no cancellation): subsets of size k of {1..N} by sum.
 */
export function wilcoxCounts(m: number, n: number): Float64Array {
  const key = `${m},${n}`;
  const hit = wilcoxCache.get(key);
  if (hit) return hit;
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const mn = a * b;
  // f[k][u]: subsets of size k of {1..r} with sum of ranks = u + k(k+1)/2, u <= a*b
  // Equivalent lattice-path recurrence on the shift u: adding element r to a subset of size k-1
  // (r >= k) increases u by r - k.
  const rows: Float64Array[] = [];
  for (let k = 0; k <= a; k++) rows.push(new Float64Array(mn + 1));
  rows[0][0] = 1;
  const N = a + b;
  for (let r = 1; r <= N; r++) {
    for (let k = Math.min(r, a); k >= 1; k--) {
      const shift = r - k;
      if (shift > b) continue;
      const dst = rows[k];
      const src = rows[k - 1];
      for (let u = mn; u >= shift; u--) {
        const v = src[u - shift];
        if (v !== 0) dst[u] += v;
      }
    }
  }
  const out = rows[a];
  wilcoxCache.set(key, out);
  wilcoxCache.set(`${n},${m}`, out);
  return out;
}

/** R's choose(n, k) for non-negative integers. */
function chooseR(n: number, k: number): number {
  if (n - k < k) k = n - k;
  if (k < 0) return 0;
  if (k === 0) return 1;
  if (k < 30) {
    let r = n;
    for (let j = 2; j <= k; j++) r *= (n - j + 1) / j;
    return Math.round(r);
  }
  // R: round(exp(lfastchoose)); the exact count total is at least as good
  return NaN;
}

function wilcoxTotal(m: number, n: number, counts: Float64Array): number {
  const c = chooseR(m + n, n);
  if (!Number.isNaN(c)) return c;
  let s = 0;
  for (let i = 0; i < counts.length; i++) s += counts[i];
  return s;
}

/** R's pwilcox(q, m, n, lower.tail). */
export function pwilcox(q: number, m: number, n: number, lowerTail = true): number {
  q = Math.floor(q + 1e-7);
  if (q < 0) return lowerTail ? 0 : 1;
  if (q >= m * n) return lowerTail ? 1 : 0;
  const w = wilcoxCounts(m, n);
  const c = wilcoxTotal(m, n, w);
  let p = 0;
  let lower = lowerTail;
  if (q <= (m * n) / 2) {
    for (let i = 0; i <= q; i++) p += w[i] / c;
  } else {
    q = m * n - q;
    for (let i = 0; i < q; i++) p += w[i] / c;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** R's qwilcox(p, m, n) (lower tail). */
export function qwilcox(x: number, m: number, n: number): number {
  if (x === 0) return 0;
  if (x === 1) return m * n;
  const w = wilcoxCounts(m, n);
  const c = wilcoxTotal(m, n, w);
  let p = 0;
  let q = 0;
  if (x <= 0.5) {
    x = x - 10 * DBL_EPSILON;
    for (;;) {
      p += w[q] / c;
      if (p >= x) break;
      q++;
    }
  } else {
    x = 1 - x + 10 * DBL_EPSILON;
    for (;;) {
      p += w[q] / c;
      if (p > x) {
        q = m * n - q;
        break;
      }
      q++;
    }
  }
  return q;
}

const signrankCache = new Map<number, Float64Array>();

/** Counts of the signed-rank statistic V = 0..n(n+1)/2 (out of 2^n), as R's csignrank. */
export function signrankCounts(n: number): Float64Array {
  const hit = signrankCache.get(n);
  if (hit) return hit;
  const u = (n * (n + 1)) / 2;
  const w = new Float64Array(u + 1);
  w[0] = 1;
  for (let j = 1; j <= n; j++) {
    const end = (j * (j + 1)) / 2;
    for (let i = end; i >= j; i--) w[i] += w[i - j];
  }
  signrankCache.set(n, w);
  return w;
}

/** R's psignrank(q, n, lower.tail). */
export function psignrank(x: number, n: number, lowerTail = true): number {
  x = Math.round(x + 1e-7);
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= (n * (n + 1)) / 2) return lowerTail ? 1 : 0;
  const w = signrankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  let lower = lowerTail;
  if (x <= (n * (n + 1)) / 4) {
    for (let i = 0; i <= x; i++) p += w[i] * f;
  } else {
    x = (n * (n + 1)) / 2 - x;
    for (let i = 0; i < x; i++) p += w[i] * f;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** R's qsignrank(p, n) (lower tail). */
export function qsignrank(x: number, n: number): number {
  const u = (n * (n + 1)) / 2;
  if (x === 0) return 0;
  if (x === 1) return u;
  const w = signrankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  let q = 0;
  if (x <= 0.5) {
    x = x - 10 * DBL_EPSILON;
    for (;;) {
      p += w[q] * f;
      if (p >= x) break;
      q++;
    }
  } else {
    x = 1 - x + 10 * DBL_EPSILON;
    for (;;) {
      p += w[q] * f;
      if (p > x) {
        q = u - q;
        break;
      }
      q++;
    }
  }
  return q;
}

// ---------------------------------------------------------------------------------------------
// helpers

/** R's median of an array (mean of the two middle values for even n). */
export function medianR(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  const s = sortNumeric(Float64Array.from(x as ArrayLike<number>));
  const h = n >> 1;
  return n % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function sign(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function pNormal(z: number, alternative: Alternative): number {
  if (alternative === 'less') return normalCdf(z);
  if (alternative === 'greater') return normalUpper(z);
  return 2 * Math.min(normalCdf(z), normalUpper(z));
}

function min(x: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < m) m = x[i];
  return m;
}
function max(x: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  return m;
}

export interface WilcoxOptions {
  alternative?: Alternative;
  mu?: number;
  /** null: R's default (exact when n < 50 and no ties/zeroes). */
  exact?: boolean | null;
  correct?: boolean;
  confInt?: boolean;
  confLevel?: number;
}

export interface WilcoxResult {
  statistic: number;
  p_value: number;
  /** Hodges–Lehmann estimate (difference in location / pseudomedian); NaN when unavailable. */
  estimate: number;
  conf_low: number;
  conf_high: number;
  /** The confidence level achieved (R lowers it when the requested one is not achievable). */
  conf_level: number;
  method: string;
  alternative: Alternative;
  /** Whether the exact distribution was used. */
  exact: boolean;
  ties: boolean;
  zeroes: boolean;
  /** R's warnings, as codes: 'ties_exact', 'zeroes_exact', 'conf_level_not_achievable', 'ci_all_tied'. */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// rank-sum test

/** The same as shiftedRankSum from unsorted samples, by ranking c(x − d, y) outright. */
function sortedRankSum(x: ArrayLike<number>, y: ArrayLike<number>, d: number): { rankSum: number; tieSum: number } {
  const nx = x.length;
  const buf = new Float64Array(nx + y.length);
  for (let i = 0; i < nx; i++) buf[i] = x[i] - d;
  for (let j = 0; j < y.length; j++) buf[nx + j] = y[j];
  const rr = rankAverage(buf);
  let rankSum = 0;
  for (let i = 0; i < nx; i++) rankSum += rr.ranks[i];
  return { rankSum, tieSum: tieCorrection(rr.ties) };
}

/**
 * Sum of the average ranks of xs − d within c(xs − d, ys), and Σ(t³ − t) over its tie groups
 * (in ascending order of value), for xs and ys sorted ascending without NaN: what
 * rankAverage(c(x − d, y)) gives, by one merge instead of a sort.
 */
export function shiftedRankSum(xs: Float64Array, ys: Float64Array, d: number): { rankSum: number; tieSum: number } {
  const nx = xs.length;
  const ny = ys.length;
  let i = 0;
  let j = 0;
  let pos = 0; // values already ranked (below the current group)
  let rankSum = 0;
  let tieSum = 0;
  while (i < nx || j < ny) {
    const a = i < nx ? xs[i] - d : Infinity;
    const b = j < ny ? ys[j] : Infinity;
    // The smallest remaining value (an exhausted side reads as Infinity, never taken then).
    const v = i >= nx ? b : j >= ny ? a : a < b ? a : b;
    let cx = 0;
    while (i < nx && xs[i] - d === v) {
      i++;
      cx++;
    }
    let cy = 0;
    while (j < ny && ys[j] === v) {
      j++;
      cy++;
    }
    const t = cx + cy;
    // each tied value gets the average rank (pos + 1 + pos + t) / 2
    if (cx > 0) rankSum += (cx * (2 * pos + 1 + t)) / 2;
    if (t > 1) tieSum += t * t * t - t;
    pos += t;
  }
  return { rankSum, tieSum };
}

/** R's wilcox.test(x, y, ...) for two independent samples (x = group 1). */
export function wilcoxRankSum(x: ArrayLike<number>, y: ArrayLike<number>, o: WilcoxOptions = {}): WilcoxResult {
  const alternative = o.alternative ?? 'two.sided';
  const mu = o.mu ?? 0;
  const correct = o.correct ?? true;
  const confInt = o.confInt ?? true;
  let confLevel = o.confLevel ?? 0.95;
  const nx = x.length;
  const ny = y.length;
  if (nx < 1 || ny < 1) throw new Error('not enough observations');
  const warnings: string[] = [];
  const r0 = new Float64Array(nx + ny);
  for (let i = 0; i < nx; i++) r0[i] = x[i] - mu;
  for (let j = 0; j < ny; j++) r0[nx + j] = y[j];
  const rk = rankAverage(r0);
  let sx = 0;
  for (let i = 0; i < nx; i++) sx += rk.ranks[i];
  const STAT = sx - (nx * (nx + 1)) / 2;
  const exact = o.exact ?? (nx < 50 && ny < 50);
  const TIES = rk.ties.length > 0;
  let method = 'Wilcoxon rank sum test';
  let p: number;
  let estimate = NaN;
  let lo = NaN;
  let hi = NaN;
  if (exact && !TIES) {
    method = 'Wilcoxon rank sum exact test';
    if (alternative === 'two.sided') {
      const pp = STAT > (nx * ny) / 2 ? pwilcox(STAT - 1, nx, ny, false) : pwilcox(STAT, nx, ny);
      p = Math.min(2 * pp, 1);
    } else if (alternative === 'greater') p = pwilcox(STAT - 1, nx, ny, false);
    else p = pwilcox(STAT, nx, ny);
    if (confInt) {
      const alpha = 1 - confLevel;
      const diffs = new Float64Array(nx * ny);
      for (let i = 0, k = 0; i < nx; i++) for (let j = 0; j < ny; j++) diffs[k++] = x[i] - y[j];
      diffs.sort();
      let achieved: number;
      if (alternative === 'two.sided') {
        let qu = qwilcox(alpha / 2, nx, ny);
        if (qu === 0) qu = 1;
        const ql = nx * ny - qu;
        achieved = 2 * pwilcox(Math.trunc(qu) - 1, nx, ny);
        lo = diffs[qu - 1];
        hi = diffs[ql];
      } else if (alternative === 'greater') {
        let qu = qwilcox(alpha, nx, ny);
        if (qu === 0) qu = 1;
        achieved = pwilcox(Math.trunc(qu) - 1, nx, ny);
        lo = diffs[qu - 1];
        hi = Infinity;
      } else {
        let qu = qwilcox(alpha, nx, ny);
        if (qu === 0) qu = 1;
        const ql = nx * ny - qu;
        achieved = pwilcox(Math.trunc(qu) - 1, nx, ny);
        lo = -Infinity;
        hi = diffs[ql];
      }
      if (achieved - alpha > alpha / 2) {
        warnings.push('conf_level_not_achievable');
        confLevel = 1 - achieved;
      }
      estimate = medianR(diffs);
    }
  } else {
    const N = nx + ny;
    const tc = tieCorrection(rk.ties);
    let z = STAT - (nx * ny) / 2;
    const SIGMA = Math.sqrt(((nx * ny) / 12) * (N + 1 - tc / (N * (N - 1))));
    let CORRECTION = 0;
    if (correct) {
      CORRECTION = alternative === 'two.sided' ? sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
      method += ' with continuity correction';
    }
    z = (z - CORRECTION) / SIGMA;
    p = pNormal(z, alternative);
    if (confInt) {
      const alpha = 1 - confLevel;
      const mumin = min(x) - max(y);
      const mumax = max(x) - min(y);
      let corr = correct;
      // R's W(d) ranks c(x - d, y) afresh at every uniroot step: O(N log N) each, dozens of
      // times. x and y are sorted once instead, so that x - d stays sorted (subtracting d is
      // monotone in floating point) and each evaluation is one O(N) merge of the two sorted
      // sequences giving the same rank sum and tie groups. The rank sum is a sum of
      // half-integers below 2^53, hence exact in any order; the tie groups come in ascending
      // order as rankAverage lists them, so Σ(t³ − t) is summed in the same order.
      const xs = sortNumeric(Float64Array.from(x));
      const ys = sortNumeric(Float64Array.from(y));
      const mergeable = !Number.isNaN(xs[nx - 1]) && !Number.isNaN(ys[ny - 1]);
      let warnedTied = false;
      const W = (d: number): number => {
        // x − d must not be NaN for the merge (d infinite, from infinite data, or NaN in the
        // data, which sorts last): then rank by sorting, as before
        const { rankSum: s, tieSum } = Number.isFinite(d) && mergeable ? shiftedRankSum(xs, ys, d) : sortedRankSum(x, y, d);
        const dz = s - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
        const cc = corr ? (alternative === 'two.sided' ? sign(dz) * 0.5 : alternative === 'greater' ? 0.5 : -0.5) : 0;
        const sig = Math.sqrt(((nx * ny) / 12) * (N + 1 - tieSum / (N * (N - 1))));
        if (sig === 0 && !warnedTied) {
          warnedTied = true;
          warnings.push('ci_all_tied');
        }
        return (dz - cc) / sig;
      };
      const Wmumin = W(mumin);
      const Wmumax = W(mumax);
      const root = (zq: number): number => {
        const fl = Wmumin - zq;
        if (fl <= 0) return mumin;
        const fu = Wmumax - zq;
        if (fu >= 0) return mumax;
        return uniroot((d) => W(d) - zq, mumin, mumax, { fLower: fl, fUpper: fu, tol: 1e-4 });
      };
      try {
        if (alternative === 'two.sided') {
          lo = root(normalQuantile(1 - alpha / 2));
          hi = root(normalQuantile(alpha / 2));
        } else if (alternative === 'greater') {
          lo = root(normalQuantile(1 - alpha));
          hi = Infinity;
        } else {
          lo = -Infinity;
          hi = root(normalQuantile(alpha));
        }
      } catch {
        lo = NaN;
        hi = NaN;
      }
      corr = false;
      try {
        estimate = uniroot(W, mumin, mumax, { fLower: W(mumin), fUpper: W(mumax), tol: 1e-4 });
      } catch {
        estimate = NaN;
      }
    }
    if (exact && TIES) warnings.push('ties_exact');
  }
  return { statistic: STAT, p_value: p, estimate, conf_low: lo, conf_high: hi, conf_level: confLevel, method, alternative, exact: exact && !TIES, ties: TIES, zeroes: false, warnings };
}

// ---------------------------------------------------------------------------------------------
// signed-rank test

/**
 * R's wilcox.test(x, mu = mu, ...) for one sample, or for paired data with x = the
 * differences (first − second) and y = NULL.
 */
export function wilcoxSignedRank(xIn: ArrayLike<number>, o: WilcoxOptions = {}): WilcoxResult {
  const alternative = o.alternative ?? 'two.sided';
  const mu = o.mu ?? 0;
  const correct = o.correct ?? true;
  const confInt = o.confInt ?? true;
  let confLevel = o.confLevel ?? 0.95;
  if (xIn.length < 1) throw new Error("not enough (non-missing) 'x' observations");
  const warnings: string[] = [];
  let xs: number[] = [];
  let ZEROES = false;
  for (let i = 0; i < xIn.length; i++) {
    const v = xIn[i] - mu;
    if (v === 0) ZEROES = true;
    else xs.push(v);
  }
  const xm = Float64Array.from(xs);
  xs = [];
  const n = xm.length;
  const exact = o.exact ?? n < 50;
  const absx = new Float64Array(n);
  for (let i = 0; i < n; i++) absx[i] = Math.abs(xm[i]);
  const rk = rankAverage(absx);
  let V = 0;
  for (let i = 0; i < n; i++) if (xm[i] > 0) V += rk.ranks[i];
  const TIES = rk.ties.length > 0;
  let method = 'Wilcoxon signed rank test';
  let p: number;
  let estimate = NaN;
  let lo = NaN;
  let hi = NaN;
  // x + mu, as R restores it for the interval
  const xr = new Float64Array(n);
  for (let i = 0; i < n; i++) xr[i] = xm[i] + mu;
  if (exact && !TIES && !ZEROES) {
    method = 'Wilcoxon signed rank exact test';
    if (alternative === 'two.sided') {
      const pp = V > (n * (n + 1)) / 4 ? psignrank(V - 1, n, false) : psignrank(V, n);
      p = Math.min(2 * pp, 1);
    } else if (alternative === 'greater') p = psignrank(V - 1, n, false);
    else p = psignrank(V, n);
    if (confInt) {
      const alpha = 1 - confLevel;
      const m = (n * (n + 1)) / 2;
      const diffs = new Float64Array(m);
      for (let j = 0, k = 0; j < n; j++) for (let i = 0; i <= j; i++) diffs[k++] = (xr[i] + xr[j]) / 2;
      diffs.sort();
      let achieved: number;
      if (alternative === 'two.sided') {
        let qu = qsignrank(alpha / 2, n);
        if (qu === 0) qu = 1;
        const ql = m - qu;
        achieved = 2 * psignrank(Math.trunc(qu) - 1, n);
        lo = diffs[qu - 1];
        hi = diffs[ql];
      } else if (alternative === 'greater') {
        let qu = qsignrank(alpha, n);
        if (qu === 0) qu = 1;
        achieved = psignrank(Math.trunc(qu) - 1, n);
        lo = diffs[qu - 1];
        hi = Infinity;
      } else {
        let qu = qsignrank(alpha, n);
        if (qu === 0) qu = 1;
        const ql = m - qu;
        achieved = psignrank(Math.trunc(qu) - 1, n);
        lo = -Infinity;
        hi = diffs[ql];
      }
      if (achieved - alpha > alpha / 2) {
        warnings.push('conf_level_not_achievable');
        confLevel = 1 - Number(achieved.toPrecision(2));
      }
      estimate = medianR(diffs);
    }
  } else {
    const tc = tieCorrection(rk.ties);
    let z = V - (n * (n + 1)) / 4;
    const SIGMA = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tc / 48);
    let CORRECTION = 0;
    if (correct) {
      CORRECTION = alternative === 'two.sided' ? sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
      method += ' with continuity correction';
    }
    z = (z - CORRECTION) / SIGMA;
    p = pNormal(z, alternative);
    if (confInt) {
      let alpha = 1 - confLevel;
      let corr = correct;
      let warnedTied = false;
      // R's W(d) ranks |x − d| afresh at every uniroot step. With x sorted once, the nonzero
      // x − d split into the negatives (whose |x − d| = −(x − d) ascend as x descends) and the
      // positives (ascending with x): two sorted runs whose merge gives the same average
      // ranks, tie groups and zero drops as rankAverage(|x − d|), in O(n) per step and with
      // the same doubles (fl(d − x) is −fl(x − d); rank sums and Σ(t³ − t) are exact).
      const srt = sortNumeric(Float64Array.from(xr));
      const W = (d: number): number => {
        // k0 = #(x − d < 0), k1 = first index with x − d > 0 (x − d is monotone in x)
        let lo0 = 0;
        let hi0 = n;
        while (lo0 < hi0) {
          const mid = (lo0 + hi0) >>> 1;
          if (srt[mid] - d < 0) lo0 = mid + 1;
          else hi0 = mid;
        }
        const k0 = lo0;
        let k1 = k0;
        while (k1 < n && srt[k1] - d === 0) k1++;
        const nd = k0 + (n - k1);
        let ia = k0 - 1;
        let ib = k1;
        let pos = 0;
        let s = 0;
        let tc = 0;
        while (ia >= 0 || ib < n) {
          const a = ia >= 0 ? -(srt[ia] - d) : Infinity;
          const b = ib < n ? srt[ib] - d : Infinity;
          const v = a <= b ? a : b;
          let ca = 0;
          let cb = 0;
          while (ia >= 0 && -(srt[ia] - d) === v) {
            ca++;
            ia--;
          }
          while (ib < n && srt[ib] - d === v) {
            cb++;
            ib++;
          }
          const t = ca + cb;
          s += cb * (pos + (t + 1) / 2);
          if (t > 1) tc += t * t * t - t;
          pos += t;
        }
        const zd = s - (nd * (nd + 1)) / 4;
        const sig = Math.sqrt((nd * (nd + 1) * (2 * nd + 1)) / 24 - tc / 48);
        if (sig === 0 && !warnedTied) {
          warnedTied = true;
          warnings.push('ci_all_tied');
        }
        const cc = corr ? (alternative === 'two.sided' ? sign(zd) * 0.5 : alternative === 'greater' ? 0.5 : -0.5) : 0;
        return (zd - cc) / sig;
      };
      if (n > 0) {
        const mumin = min(xr);
        const mumax = max(xr);
        const Wmumin = W(mumin);
        const Wmumax = Number.isFinite(Wmumin) ? W(mumax) : NaN;
        if (!Number.isFinite(Wmumax)) {
          lo = alternative === 'less' ? -Infinity : NaN;
          hi = alternative === 'greater' ? Infinity : NaN;
          confLevel = 0;
          estimate = (mumin + mumax) / 2;
        } else {
          const root = (zq: number) => uniroot((d) => W(d) - zq, mumin, mumax, { fLower: Wmumin - zq, fUpper: Wmumax - zq, tol: 1e-4 });
          let notAchievable = false;
          if (alternative === 'two.sided') {
            for (;;) {
              const mindiff = Wmumin - normalQuantile(1 - alpha / 2);
              const maxdiff = Wmumax - normalQuantile(alpha / 2);
              if (mindiff < 0 || maxdiff > 0) alpha *= 2;
              else break;
            }
            if (alpha >= 1 || 1 - confLevel < alpha * 0.75) notAchievable = true;
            if (alpha < 1) {
              lo = root(normalQuantile(1 - alpha / 2));
              hi = root(normalQuantile(alpha / 2));
            } else {
              lo = hi = medianR(xr);
            }
          } else if (alternative === 'greater') {
            for (;;) {
              const mindiff = Wmumin - normalQuantile(1 - alpha);
              if (mindiff < 0) alpha *= 2;
              else break;
            }
            if (alpha >= 1 || 1 - confLevel < alpha * 0.75) notAchievable = true;
            lo = alpha < 1 ? root(normalQuantile(1 - alpha)) : medianR(xr);
            hi = Infinity;
          } else {
            for (;;) {
              // R uses alpha/2 here (sic)
              const maxdiff = Wmumax - normalQuantile(alpha / 2);
              if (maxdiff > 0) alpha *= 2;
              else break;
            }
            if (alpha >= 1 || 1 - confLevel < alpha * 0.75) notAchievable = true;
            lo = -Infinity;
            hi = alpha < 1 ? root(normalQuantile(alpha)) : medianR(xr);
          }
          if (notAchievable) {
            confLevel = 1 - Math.min(1, alpha);
            warnings.push('conf_level_not_achievable');
          }
          corr = false;
          estimate = uniroot(W, mumin, mumax, { fLower: W(mumin), fUpper: W(mumax), tol: 1e-4 });
        }
      } else {
        lo = alternative === 'less' ? -Infinity : NaN;
        hi = alternative === 'greater' ? Infinity : NaN;
        confLevel = 0;
      }
    }
    if (exact && TIES) warnings.push('ties_exact');
    if (exact && ZEROES) warnings.push('zeroes_exact');
  }
  return { statistic: V, p_value: p, estimate, conf_low: lo, conf_high: hi, conf_level: confLevel, method, alternative, exact: exact && !TIES && !ZEROES, ties: TIES, zeroes: ZEROES, warnings };
}
