/**
 * Cox proportional hazards regression as R's coxph (survival 3.x, coxph.fit / coxfit6):
 * Newton–Raphson from beta = 0 with step halving, Efron or Breslow ties, strata, centred
 * covariates; score, Wald and likelihood-ratio tests; Harrell's concordance with R's
 * infinitesimal-jackknife standard error (concordancefit); cox.zph's score test.
 */
import { CholeskyDecomposition, Matrix, inverse, solve } from 'ml-matrix';
import { indexOf, uniqueIndex } from './tabulate';
import { transposeRows, weightedGram } from '../gram';
import { information, layoutRows, logLikelihood, riskSets, type Ordered, type RiskSets } from './cox-risk-sets';

export type Ties = 'efron' | 'breslow';

export interface CoxData {
  time: Float64Array;
  /** 1 = event, 0 = censored. */
  event: Uint8Array;
  /** Covariate columns (each of length n). */
  x: Float64Array[];
  strata: Int32Array | null;
}

/** Row order: by stratum, then time descending (counting sorts, no comparator). */
export function coxOrder(time: Float64Array, strata: Int32Array | null, unique = uniqueIndex(time)): Int32Array {
  const n = time.length;
  const { values: times, index: ti } = unique;
  const m = times.length;
  // counting sort by descending time
  const cnt = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) cnt[m - 1 - ti[i] + 1]++;
  for (let j = 0; j < m; j++) cnt[j + 1] += cnt[j];
  const byTime = new Int32Array(n);
  for (let i = 0; i < n; i++) byTime[cnt[m - 1 - ti[i]]++] = i;
  if (!strata) return byTime;
  let k = 0;
  for (let i = 0; i < n; i++) if (strata[i] + 1 > k) k = strata[i] + 1;
  const sc = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) sc[strata[i] + 1]++;
  for (let s = 0; s < k; s++) sc[s + 1] += sc[s];
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const i = byTime[r];
    out[sc[strata[i]]++] = i;
  }
  return out;
}

interface Derivs {
  loglik: number;
  u: Float64Array;
  imat: Float64Array; // p x p row-major
}

/** Log partial likelihood, score and information from a walk over the risk sets. */
function derivsOf(rs: RiskSets): Derivs {
  return { loglik: rs.loglik, u: rs.u, imat: information(rs, null) };
}

function toMatrix(a: Float64Array, p: number): Matrix {
  const m = new Matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) m.set(i, j, a[i * p + j]);
  return m;
}

/** Solves imat * x = u (Cholesky; falls back to a general solve). */
function solveSym(imat: Float64Array, u: Float64Array, p: number): Float64Array {
  if (p === 0) return new Float64Array(0);
  const A = toMatrix(imat, p);
  const b = Matrix.columnVector(Array.from(u));
  const ch = new CholeskyDecomposition(A);
  const x = ch.isPositiveDefinite() ? ch.solve(b) : solve(A, b, true);
  return Float64Array.from(x.getColumn(0));
}

export interface CoxFit {
  /** Indices (into the covariate columns) of the columns kept; the others are aliased. */
  kept: number[];
  aliased: number[];
  coef: Float64Array;
  /** Covariance matrix of coef (p x p row-major, kept columns). */
  vcov: Float64Array;
  loglik: number;
  loglikNull: number;
  score: number;
  wald: number;
  iter: number;
  converged: boolean;
  /** Columns whose coefficient may be infinite (monotone likelihood), as R's warning. */
  infinite: number[];
  nEvent: number;
  n: number;
  /** Linear predictor (uncentred x * coef). */
  lp: Float64Array;
  order: Int32Array;
  /** The kept covariates, centred, in risk-set order. */
  layout: Ordered;
  ties: Ties;
  /** The walk over the risk sets at the fitted coefficients (cox.zph starts from it). */
  riskSets: RiskSets;
  /** The distinct times and each row's index into them (cox.zph's Kaplan–Meier reuses them). */
  timeIndex: { values: Float64Array; index: Int32Array };
}

/**
 * Columns that are (near) linear combinations of earlier ones after centring (R: NA
 * coefficients): a column is aliased when its squared norm, after projecting out the earlier
 * non-aliased columns, is at most 1e-10 of its own. That residual norm² is the column's
 * Cholesky pivot in the cross-product matrix, which one chunked pass over the data gives.
 */
function aliasedColumns(layout: Ordered): number[] {
  const { p, xr } = layout;
  if (p === 0) return [];
  const G = weightedGram((chunk, r0, nb) => transposeRows(xr, p, r0, nb, chunk), p, layout.time.length, null);
  const K = p;
  const out: number[] = [];
  const kept: number[] = [];
  const L = new Float64Array(p * p); // row j: L[j][k] for kept k
  for (let j = 0; j < p; j++) {
    const norm0 = G[j * K + j];
    let d = norm0;
    for (const k of kept) {
      let v = G[k * K + j];
      for (const l of kept) {
        if (l >= k) break;
        v -= L[j * p + l] * L[k * p + l];
      }
      v /= L[k * p + k];
      L[j * p + k] = v;
      d -= v * v;
    }
    if (!(norm0 > 0) || d <= 1e-10 * norm0) out.push(j);
    else {
      L[j * p + j] = Math.sqrt(d);
      kept.push(j);
    }
  }
  return out;
}

/**
 * Fits the model. Converges when the relative change in the log partial likelihood is below
 * 1e-12 (R stops at 1e-9; Newton's quadratic convergence means one more step moves the
 * estimates by far less than the 1e-5 the tests allow), at most 30 iterations.
 */
export function coxFit(d: CoxData, ties: Ties = 'efron', maxIter = 30): CoxFit {
  const n = d.time.length;
  const timeIndex = uniqueIndex(d.time);
  const order = coxOrder(d.time, d.strata, timeIndex);
  // Centred covariates (as coxph), laid out in risk-set order; rebuilt without the aliased ones.
  const means = Float64Array.from(d.x, (col) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += col[i];
    return s / n;
  });
  let layout = layoutRows(d.x, means, d.time, d.event, d.strata, order);
  const aliased = aliasedColumns(layout);
  const kept = d.x.map((_, j) => j).filter((j) => !aliased.includes(j));
  const p = kept.length;
  if (aliased.length) layout = layoutRows(kept.map((j) => d.x[j]), Float64Array.from(kept, (j) => means[j]), d.time, d.event, d.strata, order);
  let nEvent = 0;
  for (let i = 0; i < n; i++) nEvent += d.event[i] === 1 ? 1 : 0;
  let beta = new Float64Array(p);
  let walk = riskSets(layout, beta, ties);
  let cur = derivsOf(walk);
  const loglikNull = cur.loglik;
  const step0 = solveSym(cur.imat, cur.u, p);
  let score = 0;
  for (let a = 0; a < p; a++) score += step0[a] * cur.u[a];
  let iter = 0;
  let converged = p === 0 || nEvent === 0;
  let lastStep = new Float64Array(p);
  while (!converged && iter < maxIter) {
    iter++;
    const step = solveSym(cur.imat, cur.u, p);
    let nb = Float64Array.from(beta, (b, a) => b + step[a]);
    // The walk at the full step gives its log-likelihood; the information (the costlier part)
    // is computed only for the accepted beta. Near convergence rounding noise often rejects the
    // last full step several times: halving trials use logLikelihood alone, which gives the same
    // double as the walk.
    let trial = riskSets(layout, nb, ties);
    let halvings = 0;
    if (!(trial.loglik >= cur.loglik)) {
      // A step that lowers the log-likelihood by no more than rounding: the maximum is reached
      // (Newton's steps shrink quadratically, so the step not taken is far below the tests'
      // tolerance); stop here rather than halve it over and over.
      if (Math.abs(trial.loglik - cur.loglik) <= 1e-12 * Math.abs(cur.loglik)) {
        lastStep = Float64Array.from(nb, (b, a) => b - beta[a]);
        converged = true;
        break;
      }
      let ll = trial.loglik;
      while (!(ll >= cur.loglik) && halvings < 30) {
        nb = Float64Array.from(nb, (b, a) => (b + beta[a]) / 2);
        ll = logLikelihood(layout, nb, ties);
        halvings++;
      }
      trial = riskSets(layout, nb, ties);
    }
    walk = trial;
    const next = derivsOf(walk);
    lastStep = Float64Array.from(nb, (b, a) => b - beta[a]);
    const change = Math.abs(next.loglik - cur.loglik);
    beta = nb;
    cur = next;
    if (change <= 1e-12 * Math.abs(cur.loglik) || change === 0) converged = true;
  }
  let vcov = new Float64Array(p * p);
  if (p > 0) {
    try {
      const inv = inverse(toMatrix(cur.imat, p), true);
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) vcov[a * p + b] = inv.get(a, b);
    } catch {
      vcov = new Float64Array(p * p).fill(NaN);
    }
  }
  // R: a coefficient may be infinite when the last Newton step still moves it (monotone likelihood)
  const finalStep = p ? solveSym(cur.imat, cur.u, p) : new Float64Array(0);
  const infinite: number[] = [];
  for (let a = 0; a < p; a++) {
    const st = Math.max(Math.abs(finalStep[a]), Math.abs(lastStep[a]));
    if (nEvent > 0 && st > 1e-9 && st > Math.sqrt(1e-9) * Math.abs(beta[a]) && Math.abs(beta[a]) > 5) infinite.push(kept[a]);
    else if (nEvent > 0 && !Number.isFinite(beta[a])) infinite.push(kept[a]);
  }
  let wald = 0;
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) wald += beta[a] * cur.imat[a * p + b] * beta[b];
  const lp = new Float64Array(n);
  for (let a = 0; a < p; a++) {
    const col = d.x[kept[a]];
    for (let i = 0; i < n; i++) lp[i] += beta[a] * col[i];
  }
  return { kept, aliased, coef: beta, vcov, loglik: cur.loglik, loglikNull, score, wald, iter, converged, infinite, nEvent, n, lp, order, layout, ties, riskSets: walk, timeIndex };
}

/** Fenwick tree of counts over ranks 1..m, with each rank's own count (ties need no second sum). */
class Fenwick {
  private t: Float64Array;
  readonly at: Float64Array;
  constructor(private m: number) {
    this.t = new Float64Array(m + 1);
    this.at = new Float64Array(m + 1);
  }
  add(i: number, v: number) {
    this.at[i] += v;
    for (; i <= this.m; i += i & -i) this.t[i] += v;
  }
  /** Sum over ranks 1..i. */
  sum(i: number): number {
    let s = 0;
    for (; i > 0; i -= i & -i) s += this.t[i];
    return s;
  }
}

export interface Concordance {
  concordance: number;
  std_error: number;
  concordant: number;
  discordant: number;
  tied_x: number;
  tied_y: number;
}

/**
 * Harrell's C as coxph reports it (concordancefit, timewt "n", reverse): a pair is comparable
 * when the earlier time is an event (a censored time tied with an event time counts as later);
 * concordant when the earlier event has the higher risk score. The standard error is R's
 * infinitesimal jackknife: each subject's counts of concordant, discordant and tied pairs.
 */
export function concordance(time: Float64Array, event: Uint8Array, lp: Float64Array, strata: Int32Array | null, order: Int32Array): Concordance {
  const n = time.length;
  const { values: ranks, index: rank } = uniqueIndex(lp); // 0-based rank of each risk score
  const m = ranks.length;
  // Everything in the risk-set order `order` (time descending within stratum), so that the passes
  // read and write their arrays in sequence: through order[] every row cost five cache misses.
  const rk = new Int32Array(n); // 1-based rank, as the Fenwick trees count
  const ev = new Uint8Array(n);
  const tm = new Float64Array(n);
  const st = strata ? new Int32Array(n) : null;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    rk[r] = rank[i] + 1;
    ev[r] = event[i] === 1 ? 1 : 0;
    tm[r] = time[i];
    if (st) st[r] = strata![i];
  }
  const c = new Float64Array(n);
  const dsc = new Float64Array(n);
  const tx = new Float64Array(n);
  let C = 0;
  let D = 0;
  let T = 0;
  let TY = 0;
  // blocks of equal (stratum, time): block q is rows bound[q] .. bound[q + 1] - 1
  const bounds: number[] = [0];
  for (let r = 1; r <= n; r++) if (r === n || tm[r] !== tm[r - 1] || (st && st[r] !== st[r - 1])) bounds.push(r);
  const sOf = (r: number) => (st ? st[r] : 0);
  // pass A: descending time, risk set = later times + censored at the same time
  let risk = new Fenwick(m);
  let total = 0;
  let cur = -1;
  for (let q = 0; q + 1 < bounds.length; q++) {
    const a = bounds[q];
    const b = bounds[q + 1];
    if (sOf(a) !== cur) {
      cur = sOf(a);
      risk = new Fenwick(m);
      total = 0;
    }
    let nd = 0;
    for (let r = a; r < b; r++) {
      if (ev[r] !== 1) {
        risk.add(rk[r], 1);
        total++;
      } else nd++;
    }
    TY += (nd * (nd - 1)) / 2;
    for (let r = a; r < b; r++) {
      if (ev[r] !== 1) continue;
      const less = risk.sum(rk[r] - 1);
      const eq = risk.at[rk[r]];
      const greater = total - less - eq;
      c[r] += less;
      dsc[r] += greater;
      tx[r] += eq;
      C += less;
      D += greater;
      T += eq;
    }
    for (let r = a; r < b; r++) {
      if (ev[r] === 1) {
        risk.add(rk[r], 1);
        total++;
      }
    }
  }
  // pass B: ascending time, events before (and, for censored subjects, at) each time
  let events = new Fenwick(m);
  let evTotal = 0;
  cur = -1;
  const count = (r: number) => {
    const less = events.sum(rk[r] - 1);
    const eq = events.at[rk[r]];
    c[r] += evTotal - less - eq; // earlier event with higher risk
    dsc[r] += less;
    tx[r] += eq;
  };
  for (let q = bounds.length - 2; q >= 0; q--) {
    const a = bounds[q];
    const b = bounds[q + 1];
    if (sOf(a) !== cur) {
      cur = sOf(a);
      events = new Fenwick(m);
      evTotal = 0;
    }
    for (let r = a; r < b; r++) if (ev[r] === 1) count(r);
    for (let r = a; r < b; r++) {
      if (ev[r] === 1) {
        events.add(rk[r], 1);
        evTotal++;
      }
    }
    for (let r = a; r < b; r++) if (ev[r] !== 1) count(r);
  }
  const npair = C + D + T;
  const somer = (C - D) / npair;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const df = (c[i] - dsc[i]) / npair - (somer / npair) * (c[i] + dsc[i] + tx[i]);
    v += df * df;
  }
  return { concordance: (somer + 1) / 2, std_error: Math.sqrt(v / 4), concordant: C, discordant: D, tied_x: T, tied_y: TY };
}

export interface ZphRow {
  /** Index into the term list, or -1 for GLOBAL. */
  term: number;
  statistic: number;
  df: number;
}

/**
 * cox.zph(fit, transform = "km"): score tests for adding x * g(t) for each term (columns
 * `terms[k]` of the kept covariates) and globally, at the fitted coefficients, with
 * g(t) = 1 − S(t−) of the pooled Kaplan–Meier, centred over the events.
 * `d` is the data `fit` was fitted on.
 */
export function coxZph(d: CoxData, fit: CoxFit, terms: number[][]): ZphRow[] {
  const p = fit.kept.length;
  if (p === 0) return [];
  const n = d.time.length;
  // g(t) = 1 - KM(t-) over all rows, one value per event
  const { values: times, index: ti } = fit.timeIndex;
  const m = times.length;
  const dj = new Float64Array(m);
  const nj = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    nj[ti[i]]++;
    if (d.event[i] === 1) dj[ti[i]]++;
  }
  const gAt = new Float64Array(m);
  let atRisk = n;
  let s = 1;
  let sumG = 0;
  let nev = 0;
  for (let j = 0; j < m; j++) {
    gAt[j] = 1 - s;
    sumG += gAt[j] * dj[j];
    nev += dj[j];
    if (dj[j] > 0) s *= (atRisk - dj[j]) / atRisk;
    atRisk -= nj[j];
  }
  const gbar = sumG / nev;
  // The score and information of (beta, beta g(t)) at the fitted beta: blocks Σ V_t, Σ g V_t and
  // Σ g² V_t over the event times (cox-risk-sets.ts), and the score Σ g (Σ deaths' x − mean).
  const rs = fit.riskSets;
  const g = Float64Array.from(rs.layout.eventTime, (t) => gAt[indexOf(times, t)] - gbar);
  const g2 = g.map((v) => v * v);
  const u2 = new Float64Array(p);
  for (let k = 0; k < rs.T; k++) {
    for (let a = 0; a < p; a++) u2[a] += g[k] * (rs.layout.dx[k * p + a] - (rs.s1[a * rs.stride + k] * rs.A[k] - rs.d1[k * p + a] * rs.B[k]));
  }
  const V0 = information(rs, null);
  const V1 = information(rs, g);
  const V2 = information(rs, g2);
  const P = 2 * p;
  const I = new Float64Array(P * P); // (2p x 2p) row-major
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      const x = a * p + b;
      I[a * P + b] = V0[x];
      I[a * P + (b + p)] = V1[x];
      I[(a + p) * P + b] = V1[x];
      I[(a + p) * P + (b + p)] = V2[x];
    }
  }
  const test = (cols: number[]): number => {
    const kk = [...Array.from({ length: p }, (_, a) => a), ...cols.map((c) => c + p)];
    const q = kk.length;
    const sub = new Float64Array(q * q);
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) sub[a * q + b] = I[kk[a] * P + kk[b]];
    const uu = new Float64Array(q);
    cols.forEach((c, k) => (uu[p + k] = u2[c]));
    const x = solveSym(sub, uu, q);
    let st = 0;
    for (let a = 0; a < q; a++) st += x[a] * uu[a];
    return st;
  };
  const rows: ZphRow[] = terms.map((cols, k) => ({ term: k, statistic: test(cols), df: cols.length }));
  rows.push({ term: -1, statistic: test(Array.from({ length: p }, (_, a) => a)), df: p });
  return rows;
}
