/**
 * ROC analysis of a score against a 0/1 outcome: the area under the curve by the
 * Mann–Whitney identity, AUC = (R₁ − n₁(n₁ + 1)/2) / (n₁ n₀) with R₁ the sum of the average
 * ranks (rank.ts) of the events' scores (ties count one half, as pROC::auc and
 * wilcox.test's W / (n₁ n₀)), and the empirical curve, built from two native Float64Array
 * sorts (no comparator sort), thinned for plotting.
 */
import { rankAverage } from './rank';

/** AUC of `score` for `event` (1 = event, 0 = non-event); NaN when either class is empty. */
export function auc(score: ArrayLike<number>, event: ArrayLike<number>): number {
  const n = score.length;
  const { ranks } = rankAverage(score);
  let n1 = 0;
  let r1 = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] === 1) {
      n1++;
      r1 += ranks[i];
    }
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return NaN;
  return (r1 - (n1 * (n1 + 1)) / 2) / (n1 * n0);
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
export function rocCurve(score: ArrayLike<number>, event: ArrayLike<number>, maxPoints = 2000): RocPoint[] {
  const n = score.length;
  let n1 = 0;
  for (let i = 0; i < n; i++) if (event[i] === 1) n1++;
  const n0 = n - n1;
  const pos = new Float64Array(n1);
  const neg = new Float64Array(n0);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] === 1) pos[a++] = score[i];
    else neg[b++] = score[i];
  }
  pos.sort();
  neg.sort();
  const pts: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
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
    pts.push({ fpr: n0 ? fp / n0 : NaN, tpr: n1 ? tp / n1 : NaN, threshold: t });
  }
  if (pts.length <= maxPoints) return pts;
  const step = Math.ceil((pts.length - 1) / (maxPoints - 1));
  const out: RocPoint[] = [];
  for (let k = 0; k < pts.length - 1; k += step) out.push(pts[k]);
  out.push(pts[pts.length - 1]);
  return out;
}
