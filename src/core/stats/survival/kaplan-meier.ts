/**
 * Kaplan–Meier estimates as R's survfit(Surv(time, event) ~ strata) (survival 3.x):
 * Greenwood variance of the cumulative hazard, confidence intervals as survfit_confint,
 * medians and their limits as print.survfit.
 */
import { normalQuantile } from '../distributions';
import { tabulate } from './tabulate';

export type ConfType = 'log' | 'log-log' | 'plain';

export interface KMCurve {
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
  surv: Float64Array;
  /** Standard error of the cumulative hazard (R's survfit()$std.err, Greenwood). */
  seH: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  n: number;
  events: number;
}

/** survfit_confint for one estimate; NaN where R gives NA. */
export function survConfint(p: number, seH: number, confType: ConfType, z: number): [number, number] {
  if (confType === 'plain') {
    const se2 = seH * p * z;
    return [Math.max(p - se2, 0), Math.min(p + se2, 1)];
  }
  if (confType === 'log') {
    if (p === 0) return [NaN, NaN];
    const se2 = z * seH;
    return [Math.exp(Math.log(p) - se2), Math.min(Math.exp(Math.log(p) + se2), 1)];
  }
  if (p === 0 || p === 1) return [NaN, NaN];
  const se2 = (z * seH) / Math.log(p);
  const ll = Math.log(-Math.log(p));
  return [Math.exp(-Math.exp(ll - se2)), Math.exp(-Math.exp(ll + se2))];
}

/** Kaplan–Meier curves, one per group code (k groups; group null = one curve). */
export function kaplanMeier(
  time: Float64Array,
  event: Uint8Array,
  group: Int32Array | null,
  k: number,
  confLevel = 0.95,
  confType: ConfType = 'log',
): KMCurve[] {
  const tab = tabulate(time, event, group, k);
  const m = tab.times.length;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const out: KMCurve[] = [];
  for (let g = 0; g < k; g++) {
    let len = 0;
    for (let j = 0; j < m; j++) if (tab.d[g * m + j] + tab.c[g * m + j] > 0) len++;
    const cv: KMCurve = {
      time: new Float64Array(len),
      nRisk: new Float64Array(len),
      nEvent: new Float64Array(len),
      nCensor: new Float64Array(len),
      surv: new Float64Array(len),
      seH: new Float64Array(len),
      lower: new Float64Array(len),
      upper: new Float64Array(len),
      n: tab.n[g],
      events: 0,
    };
    let atRisk = tab.n[g];
    let s = 1;
    let varH = 0;
    let r = 0;
    for (let j = 0; j < m; j++) {
      const d = tab.d[g * m + j];
      const c = tab.c[g * m + j];
      if (d + c === 0) continue;
      if (d > 0) {
        s *= (atRisk - d) / atRisk;
        varH += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;
      }
      cv.time[r] = tab.times[j];
      cv.nRisk[r] = atRisk;
      cv.nEvent[r] = d;
      cv.nCensor[r] = c;
      cv.surv[r] = s;
      cv.seH[r] = Math.sqrt(varH);
      const [lo, hi] = survConfint(s, cv.seH[r], confType, z);
      cv.lower[r] = lo;
      cv.upper[r] = hi;
      cv.events += d;
      atRisk -= d + c;
      r++;
    }
    out.push(cv);
  }
  return out;
}

/** print.survfit's median rule (survmean's minmin): first time the curve is <= 0.5, averaging at an exact 0.5 plateau. */
export function minmin(y: ArrayLike<number>, x: ArrayLike<number>): number {
  const tol = Math.sqrt(2.220446049250313e-16);
  let first = -1;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isNaN(y[i]) && y[i] < 0.5 + tol) {
      first = i;
      break;
    }
  }
  if (first < 0) return NaN;
  const y1 = y[first];
  if (Math.abs(y1 - 0.5) < tol) {
    for (let i = first + 1; i < y.length; i++) if (!Number.isNaN(y[i]) && y[i] < 0.5 + tol && y[i] < y1) return (x[first] + x[i]) / 2;
  }
  return x[first];
}

/** Median survival and its confidence limits, as print(survfit). */
export function medianSurvival(cv: KMCurve): { median: number; lower: number; upper: number } {
  return { median: minmin(cv.surv, cv.time), lower: minmin(cv.lower, cv.time), upper: minmin(cv.upper, cv.time) };
}
