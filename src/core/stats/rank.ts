/**
 * Ranks with ties averaged (R's rank(x, ties.method = "average")) and the tie statistics that
 * rank tests correct for. No comparator sort: a numeric copy is sorted natively (Float64Array
 * sort) and each value's rank is read off by binary search, so a million values rank in well
 * under a second.
 */
import { lowerBound, upperBound } from './search';

export interface Ranked {
  /** Average ranks, 1-based, in the input's order. */
  ranks: Float64Array;
  /** Sizes of the groups of tied values (only groups of 2 or more). */
  ties: number[];
}

/** Average ranks of finite values (the input must hold no NaN). */
export function rankAverage(x: ArrayLike<number>): Ranked {
  const n = x.length;
  const s = Float64Array.from(x as ArrayLike<number>).sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = lowerBound(s, x[i]);
    const hi = upperBound(s, x[i]);
    ranks[i] = (lo + 1 + hi) / 2;
  }
  const ties: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && s[j] === s[i]) j++;
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
