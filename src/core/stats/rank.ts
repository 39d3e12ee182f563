/**
 * Ranks with ties averaged (R's rank(x, ties.method = "average")) and the tie statistics that
 * rank tests correct for. No comparator sort: small inputs sort a numeric copy natively
 * (Float64Array sort) and read each value's rank off by binary search among the distinct
 * values; large ones (a million values) use a stable LSD radix argsort of the doubles' bit
 * patterns (order-preserving keys, 11-bit digits), which touches each value a few times in
 * sequence instead of once per comparison. Both give the same ranks and the same tie list.
 */
import { lowerBound } from './search';

export interface Ranked {
  /** Average ranks, 1-based, in the input's order. */
  ranks: Float64Array;
  /** Sizes of the groups of tied values (only groups of 2 or more). */
  ties: number[];
}

/** Below this many values the native sort and binary search are as fast as the radix sort. */
const RADIX_MIN = 20_000;

/**
 * Indices that sort `x` ascending (stable: equal values keep their input order). NaN must not
 * occur; -0 sorts just before +0 (they are equal as numbers, so callers comparing values see a tie).
 */
export function argsortNumeric(x: ArrayLike<number>): Uint32Array {
  const n = x.length;
  if (n < RADIX_MIN) {
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    // Ties broken by index: a stable order, as the radix path gives.
    return idx.sort((a, b) => x[a] - x[b] || a - b);
  }
  return radixSort(Float64Array.from(x), true).idx!;
}

/**
 * Sorts `a` ascending in place exactly as Float64Array.prototype.sort does (-0 before +0, NaN
 * last), by radix for large arrays (V8's native typed-array sort is several times slower in
 * recent Chromium than in Node). Returns `a`.
 */
export function sortNumeric(a: Float64Array): Float64Array {
  const N = a.length;
  if (N < RADIX_MIN) return a.sort();
  // NaN (any payload) goes last, as the native sort puts it; the rest is radix-sorted
  let n = 0;
  for (let i = 0; i < N; i++) {
    const v = a[i];
    if (v === v) a[n++] = v;
  }
  const body = n === N ? a : a.subarray(0, n);
  const { hi, lo } = radixSort(body, false);
  const u = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    if (h & 0x80000000) {
      u[2 * i + 1] = (h & 0x7fffffff) >>> 0;
      u[2 * i] = lo[i];
    } else {
      u[2 * i + 1] = ~h >>> 0;
      u[2 * i] = ~lo[i] >>> 0;
    }
  }
  a.fill(NaN, n);
  return a;
}

/** LSD radix sort of order-preserving 64-bit keys of `f` (stable), optionally carrying the indices. */
function radixSort(f: Float64Array, withIndex: boolean): { lo: Uint32Array; hi: Uint32Array; idx: Uint32Array | null } {
  const n = f.length;
  // Order-preserving unsigned keys from the IEEE bits: flip all bits of negatives, the sign bit
  // of positives. Little-endian halves of each double.
  const u = new Uint32Array(f.buffer, f.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = u[2 * i + 1];
    const l = u[2 * i];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // Six 11-bit digits (bits 0-10, 11-21, 22-32, 33-43, 44-54, 55-63), histograms in one pass.
  const B = 2048;
  const hist = new Uint32Array(6 * B);
  for (let i = 0; i < n; i++) {
    const l = lo[i];
    const h = hi[i];
    hist[l & 0x7ff]++;
    hist[B + ((l >>> 11) & 0x7ff)]++;
    hist[2 * B + ((l >>> 22) | ((h & 1) << 10))]++;
    hist[3 * B + ((h >>> 1) & 0x7ff)]++;
    hist[4 * B + ((h >>> 12) & 0x7ff)]++;
    hist[5 * B + (h >>> 23)]++;
  }
  let idx: Uint32Array | null = null;
  let idx2: Uint32Array | null = null;
  if (withIndex) {
    idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    idx2 = new Uint32Array(n);
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  const off = new Uint32Array(B);
  for (let d = 0; d < 6; d++) {
    const h0 = d * B;
    // a digit that is the same for every value leaves the order as it is
    let constant = false;
    for (let b = 0; b < B; b++) {
      const c = hist[h0 + b];
      if (c === n) constant = true;
      if (c !== 0) break;
    }
    if (constant) continue;
    let s = 0;
    for (let b = 0; b < B; b++) {
      off[b] = s;
      s += hist[h0 + b];
    }
    if (d < 3) {
      const sh = 11 * d;
      for (let i = 0; i < n; i++) {
        const l = lo[i];
        const h = hi[i];
        const k = off[d === 2 ? (l >>> 22) | ((h & 1) << 10) : (l >>> sh) & 0x7ff]++;
        lo2[k] = l;
        hi2[k] = h;
        if (idx) idx2![k] = idx[i];
      }
    } else {
      const sh = 11 * d - 32;
      for (let i = 0; i < n; i++) {
        const h = hi[i];
        const k = off[(h >>> sh) & 0x7ff]++;
        lo2[k] = lo[i];
        hi2[k] = h;
        if (idx) idx2![k] = idx[i];
      }
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    if (idx) [idx, idx2] = [idx2!, idx];
  }
  return { lo, hi, idx };
}

/** Average ranks of finite values (the input must hold no NaN). */
export function rankAverage(x: ArrayLike<number>): Ranked {
  const n = x.length;
  if (n >= RADIX_MIN) return rankByOrder(x, argsortNumeric(x));
  const s = Float64Array.from(x as ArrayLike<number>).sort();
  // Distinct values with the average rank of each, then one binary search per value among the
  // distinct values (few when there are many ties, as clinical data has).
  const distinct = new Float64Array(n);
  const average = new Float64Array(n);
  const ties: number[] = [];
  let k = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && s[j] === s[i]) j++;
    distinct[k] = s[i];
    average[k++] = (i + 1 + j) / 2;
    if (j - i > 1) ties.push(j - i);
    i = j;
  }
  const values = distinct.subarray(0, k);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = average[lowerBound(values, x[i])];
  return { ranks, ties };
}

/** Average ranks given an ascending order of x (ties are runs of equal values in that order). */
export function rankByOrder(x: ArrayLike<number>, order: Uint32Array): Ranked {
  const n = x.length;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = x[order[i]];
  const ranks = new Float64Array(n);
  const ties: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && s[j] === s[i]) j++;
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]] = avg;
    if (j - i > 1) ties.push(j - i);
    i = j;
  }
  return { ranks, ties };
}

/** Σ (t³ − t) over tie groups: the correction term of Wilcoxon, Kruskal–Wallis and Spearman. */
export function tieCorrection(ties: number[]): number {
  let s = 0;
  for (const t of ties) s += t * t * t - t;
  return s;
}
