/**
 * One pass over sorted times: the distinct times and, per group, the number of events and
 * censorings at each. No comparator sorts: a Float64Array copy is sorted (radix for large inputs)
 * and every row finds its time by binary search, or (uniqueIndex) by one radix argsort.
 */
import { argsortNumeric, sortNumeric } from '../rank';

export interface TimeTable {
  /** Distinct times, ascending. */
  times: Float64Array;
  /** Number of groups k. */
  k: number;
  /** Events at time j in group g: d[g * m + j]. */
  d: Float64Array;
  /** Censorings at time j in group g: c[g * m + j]. */
  c: Float64Array;
  /** Rows per group. */
  n: Float64Array;
}

/** The distinct values of x (NaN dropped), ascending. */
export function uniqueSorted(x: ArrayLike<number>): Float64Array {
  const s = sortNumeric(Float64Array.from(x as ArrayLike<number>));
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    if (Number.isNaN(s[i])) break; // NaN sorts last
    if (m === 0 || s[i] !== s[m - 1]) s[m++] = s[i];
  }
  return s.slice(0, m);
}

/**
 * The distinct values of x ascending and each row's index among them (as uniqueSorted and
 * timeIndex), for large inputs from one radix argsort instead of a sort and a binary search
 * per row. x must hold no NaN.
 */
export function uniqueIndex(x: Float64Array): { values: Float64Array; index: Int32Array } {
  const n = x.length;
  if (n < 20_000) {
    const values = uniqueSorted(x);
    return { values, index: timeIndex(x, values) };
  }
  const order = argsortNumeric(x);
  const index = new Int32Array(n);
  const values = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const v = x[i];
    if (m === 0 || v !== values[m - 1]) values[m++] = v;
    index[i] = m - 1;
  }
  return { values: values.slice(0, m), index };
}

/** Index of v in the ascending array a (v must be present). */
export function indexOf(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Time index of every row (into uniqueSorted(time)). */
export function timeIndex(time: Float64Array, times: Float64Array): Int32Array {
  const idx = new Int32Array(time.length);
  for (let i = 0; i < time.length; i++) idx[i] = indexOf(times, time[i]);
  return idx;
}

/**
 * Tabulates events and censorings by distinct time and group. `group` codes in [0, k) (or
 * null for one group); rows with a negative code or event 255 are skipped.
 */
export function tabulate(time: Float64Array, event: Uint8Array, group: Int32Array | null, k: number): TimeTable {
  const times = uniqueSorted(time);
  const m = times.length;
  const d = new Float64Array(k * m);
  const c = new Float64Array(k * m);
  const n = new Float64Array(k);
  for (let i = 0; i < time.length; i++) {
    const g = group ? group[i] : 0;
    if (g < 0 || event[i] > 1 || Number.isNaN(time[i])) continue;
    const j = indexOf(times, time[i]);
    if (event[i]) d[g * m + j]++;
    else c[g * m + j]++;
    n[g]++;
  }
  return { times, k, d, c, n };
}
