/**
 * ROC analysis of a score against a 0/1 outcome: the area under the curve by the
 * Mann–Whitney identity, AUC = (R₁ − n₁(n₁ + 1)/2) / (n₁ n₀) with R₁ the sum of the average
 * ranks of the events' scores (ties count one half, as pROC::auc and wilcox.test's
 * W / (n₁ n₀)), counted by merging the sorted scores of the two classes, and the empirical curve, built from two native Float64Array
 * sorts (no comparator sort), thinned for plotting.
 */

import { sortNumeric } from './rank';

/** The scores of the events and of the non-events, each sorted ascending (native sorts). */
export interface RocSplit {
  pos: Float64Array;
  neg: Float64Array;
}

/** Splits `score` by `event` (1 = event, anything else = non-event) and sorts both parts. */
export function splitScores(score: ArrayLike<number>, event: ArrayLike<number>): RocSplit {
  const n = score.length;
  let n1 = 0;
  for (let i = 0; i < n; i++) if (event[i] === 1) n1++;
  const pos = new Float64Array(n1);
  const neg = new Float64Array(n - n1);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] === 1) pos[a++] = score[i];
    else neg[b++] = score[i];
  }
  sortNumeric(pos);
  sortNumeric(neg);
  return { pos, neg };
}

/** All the scores sorted ascending, by merging the two sorted classes (no third sort). */
export function mergedScores({ pos, neg }: RocSplit): Float64Array {
  const out = new Float64Array(pos.length + neg.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < pos.length && j < neg.length) out[k++] = pos[i] <= neg[j] ? pos[i++] : neg[j++];
  while (i < pos.length) out[k++] = pos[i++];
  while (j < neg.length) out[k++] = neg[j++];
  return out;
}

/**
 * AUC from sorted scores: U = Σ over events of #(non-events below) + ½ #(tied), by one merge.
 * U equals R₁ − n₁(n₁ + 1)/2 exactly (both are sums of half-integers far below 2^53), so this
 * is the same double as ranking all scores, without the rank pass (a binary search per row).
 */
export function aucSorted({ pos, neg }: RocSplit): number {
  const n1 = pos.length;
  const n0 = neg.length;
  if (n1 === 0 || n0 === 0) return NaN;
  let below = 0; // non-events < current score
  let upTo = 0; // non-events <= current score
  let u = 0;
  for (let i = 0; i < n1; i++) {
    const v = pos[i];
    while (below < n0 && neg[below] < v) below++;
    if (upTo < below) upTo = below;
    while (upTo < n0 && neg[upTo] <= v) upTo++;
    u += below + (upTo - below) / 2;
  }
  return u / (n1 * n0);
}

/** AUC of `score` for `event` (1 = event, 0 = non-event); NaN when either class is empty. */
export function auc(score: ArrayLike<number>, event: ArrayLike<number>): number {
  return aucSorted(splitScores(score, event));
}

export interface RocPoint {
  /** 1 − specificity. */
  fpr: number;
  /** Sensitivity. */
  tpr: number;
  /** Classify as event when score >= threshold (Infinity for the (0, 0) corner). */
  threshold: number;
}

/**
 * The empirical ROC curve: one point per distinct score (descending threshold), from (0, 0)
 * to (1, 1). With more than `maxPoints` points, every k-th point is kept (and both ends), so a
 * figure stays small; the step shape is kept approximately.
 */
export function rocCurve(score: ArrayLike<number>, event: ArrayLike<number>, maxPoints = 2000, split?: RocSplit): RocPoint[] {
  // `split` (from splitScores) lets a caller that also wants the AUC sort only once
  const { pos, neg } = split ?? splitScores(score, event);
  const n1 = pos.length;
  const n0 = neg.length;
  // Walk the distinct thresholds from the top; `visit` gets each point in turn.
  const walk = (visit: (fp: number, tp: number, t: number) => void) => {
    let i = n1 - 1;
    let j = n0 - 1;
    let tp = 0;
    let fp = 0;
    while (i >= 0 || j >= 0) {
      const t = Math.max(i >= 0 ? pos[i] : -Infinity, j >= 0 ? neg[j] : -Infinity);
      while (i >= 0 && pos[i] === t) {
        tp++;
        i--;
      }
      while (j >= 0 && neg[j] === t) {
        fp++;
        j--;
      }
      visit(fp, tp, t);
    }
  };
  const point = (fp: number, tp: number, t: number): RocPoint => ({ fpr: n0 ? fp / n0 : NaN, tpr: n1 ? tp / n1 : NaN, threshold: t });
  // Count the points first and build only those kept: a million distinct scores would
  // otherwise make a million objects to keep 2000 of them.
  let count = 1;
  walk(() => count++);
  const pts: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  if (count <= maxPoints) {
    walk((fp, tp, t) => pts.push(point(fp, tp, t)));
    return pts;
  }
  // every step-th point (index 0, step, 2 step, ... below the last) and the last one
  const step = Math.ceil((count - 1) / (maxPoints - 1));
  let k = 0;
  walk((fp, tp, t) => {
    k++;
    if (k === count - 1 || k % step === 0) pts.push(point(fp, tp, t));
  });
  return pts;
}
