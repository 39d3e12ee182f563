/**
 * Cox proportional hazards regression as R's coxph (survival 3.x, coxph.fit / coxfit6):
 * Newton–Raphson from beta = 0 with step halving, Efron or Breslow ties, strata, centred
 * covariates; score, Wald and likelihood-ratio tests; Harrell's concordance with R's
 * infinitesimal-jackknife standard error (concordancefit); cox.zph's score test.
 */
import { CholeskyDecomposition, Matrix, inverse, solve } from 'ml-matrix';
import { indexOf, uniqueIndex } from './tabulate';
import { GRAM_CHUNK, gramKernel } from '../gram';

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
export function coxOrder(time: Float64Array, strata: Int32Array | null): Int32Array {
  const n = time.length;
  const { values: times, index: ti } = uniqueIndex(time);
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

/**
 * The data laid out in the risk-set order `order`: covariates row-major (row r = subject
 * order[r]), times, events and strata. derivs() walks the rows in that order several times per
 * fit; reading them contiguously instead of through order[] (a random gather over an n·p
 * array) is what makes each pass cheap. The arithmetic, and its order, is unchanged.
 */
interface Ordered {
  order: Int32Array;
  xr: Float64Array;
  time: Float64Array;
  event: Uint8Array;
  strata: Int32Array | null;
}

const orderedCache = new WeakMap<Float64Array[], Ordered>();
/** The ordered layout of d in `order` (cached per column set and order). */
function ordered(d: CoxData, order: Int32Array): Ordered {
  const hit = orderedCache.get(d.x);
  if (hit && hit.order === order) return hit;
  const p = d.x.length;
  const n = d.time.length;
  const xr = new Float64Array(n * p);
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const strata = d.strata ? new Int32Array(n) : null;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    time[r] = d.time[i];
    event[r] = d.event[i];
    if (strata) strata[r] = d.strata![i];
  }
  // Blocks of rows: the block's part of xr (256 rows × p) stays in cache while each column is
  // gathered into it; column by column over all rows, every write touched a new cache line.
  const BLOCK = 256;
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let a = 0; a < p; a++) {
      const col = d.x[a];
      for (let r = r0; r < r1; r++) xr[r * p + a] = col[order[r]];
    }
  }
  const out = { order, xr, time, event, strata };
  orderedCache.set(d.x, out);
  return out;
}

interface Derivs {
  loglik: number;
  u: Float64Array;
  imat: Float64Array; // p x p row-major
}

/**
 * Log partial likelihood, score and information at beta (x already centred, rows in `order`).
 * `visit`, when given, is called once per event time with the Efron/Breslow pieces (for cox.zph):
 * the mean and the lower triangle of the variance; `deaths` holds the original row indices of
 * that time's events.
 */
function derivs(
  d: CoxData,
  order: Int32Array,
  beta: Float64Array,
  ties: Ties,
  visit?: (time: number, deaths: number[], meanSum: Float64Array, varSum: Float64Array) => void,
): Derivs {
  const p = d.x.length;
  const n = d.time.length;
  const { xr, time, event, strata } = ordered(d, order);
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  let loglik = 0;
  // Risk-set sums S (of w, w x, w x x', lower triangles) and, for the current time, the same
  // sums D over its deaths. A death's products go to D only and D is added to S when the
  // time's rows are done, so each row costs one p(p+1)/2 update.
  const S1 = new Float64Array(p);
  const S2 = new Float64Array(p * p);
  const D1 = new Float64Array(p);
  const D2 = new Float64Array(p * p);
  let S0 = 0;
  let r = 0;
  let curStrat = -1;
  const deaths: number[] = [];
  const msum = new Float64Array(p);
  const vsum = new Float64Array(p * p);
  while (r < n) {
    const s = strata ? strata[r] : 0;
    if (s !== curStrat) {
      curStrat = s;
      S0 = 0;
      S1.fill(0);
      S2.fill(0);
    }
    const t = time[r];
    let D0 = 0;
    let nd = 0;
    if (visit) deaths.length = 0;
    let r1 = r;
    while (r1 < n && time[r1] === t && (strata ? strata[r1] : 0) === s) {
      const off = r1 * p;
      let eta = 0;
      for (let a = 0; a < p; a++) eta += beta[a] * xr[off + a];
      const w = Math.exp(eta);
      const ev = event[r1];
      // Two rows of the same time and kind at once: each sum gets the two products one after
      // the other (x + a + b adds left to right), the same doubles as row by row, with half
      // the loads and stores of the p × p sums.
      const r2 = r1 + 1;
      if (r2 < n && time[r2] === t && event[r2] === ev && (strata ? strata[r2] : 0) === s) {
        const off2 = r2 * p;
        let eta2 = 0;
        for (let a = 0; a < p; a++) eta2 += beta[a] * xr[off2 + a];
        const w2 = Math.exp(eta2);
        S0 += w;
        S0 += w2;
        if (ev === 1) {
          if (nd === 0) {
            D1.fill(0);
            D2.fill(0);
          }
          nd += 2;
          if (visit) deaths.push(order[r1], order[r2]);
          D0 += w;
          D0 += w2;
          loglik += eta;
          loglik += eta2;
          for (let a = 0; a < p; a++) {
            const xa = xr[off + a];
            const xa2 = xr[off2 + a];
            const wa = w * xa;
            const wa2 = w2 * xa2;
            D1[a] = D1[a] + wa + wa2;
            u[a] = u[a] + xa + xa2;
            const row = a * p;
            for (let b = 0; b <= a; b++) D2[row + b] = D2[row + b] + wa * xr[off + b] + wa2 * xr[off2 + b];
          }
        } else {
          for (let a = 0; a < p; a++) {
            const wa = w * xr[off + a];
            const wa2 = w2 * xr[off2 + a];
            S1[a] = S1[a] + wa + wa2;
            const row = a * p;
            for (let b = 0; b <= a; b++) S2[row + b] = S2[row + b] + wa * xr[off + b] + wa2 * xr[off2 + b];
          }
        }
        r1 += 2;
        continue;
      }
      S0 += w;
      if (ev === 1) {
        if (nd === 0) {
          D1.fill(0);
          D2.fill(0);
        }
        nd++;
        if (visit) deaths.push(order[r1]);
        D0 += w;
        loglik += eta;
        for (let a = 0; a < p; a++) {
          const xa = xr[off + a];
          const wa = w * xa;
          D1[a] += wa;
          u[a] += xa;
          const row = a * p;
          for (let b = 0; b <= a; b++) D2[row + b] += wa * xr[off + b];
        }
      } else {
        for (let a = 0; a < p; a++) {
          const wa = w * xr[off + a];
          S1[a] += wa;
          const row = a * p;
          for (let b = 0; b <= a; b++) S2[row + b] += wa * xr[off + b];
        }
      }
      r1++;
    }
    if (nd > 0) {
      for (let a = 0; a < p; a++) {
        S1[a] += D1[a];
        const row = a * p;
        for (let b = 0; b <= a; b++) S2[row + b] += D2[row + b];
      }
      // Efron: the k-th of the nd deaths sees the risk set less k/nd of the deaths' weight,
      // mean_k = (S1 − f_k D1)/s0_k with s0_k = S0 − f_k D0. The sums over k of mean_k and
      // of the information terms are linear in S and D with the scalar weights
      // A = Σ 1/s0_k, B = Σ f_k/s0_k, AA = Σ 1/s0_k², AB = Σ f_k/s0_k², BB = Σ f_k²/s0_k²,
      // so a time costs O(p²) whatever its number of deaths (Breslow, or one death: f = 0).
      const reps = ties === 'efron' && nd > 1 ? nd : 1;
      const mult = reps === 1 ? nd : 1;
      let A = 0;
      let B = 0;
      let AA = 0;
      let AB = 0;
      let BB = 0;
      for (let k = 0; k < reps; k++) {
        const f = reps === 1 ? 0 : k / nd;
        const s0 = S0 - f * D0;
        loglik -= mult * Math.log(s0);
        const al = 1 / s0;
        const be = f / s0;
        A += mult * al;
        B += mult * be;
        AA += mult * al * al;
        AB += mult * al * be;
        BB += mult * be * be;
      }
      for (let a = 0; a < p; a++) {
        const ms = S1[a] * A - D1[a] * B;
        u[a] -= ms;
        if (visit) msum[a] = ms;
        const row = a * p;
        const s1a = S1[a];
        const d1a = D1[a];
        for (let b = 0; b <= a; b++) {
          const val = S2[row + b] * A - D2[row + b] * B - (s1a * S1[b] * AA - (s1a * D1[b] + d1a * S1[b]) * AB + d1a * D1[b] * BB);
          imat[row + b] += val;
          if (visit) vsum[row + b] = val;
        }
      }
      if (visit) visit(t, deaths, msum, vsum);
    }
    r = r1;
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) imat[b * p + a] = imat[a * p + b];
  return { loglik, u, imat };
}

/**
 * The log partial likelihood alone, computed exactly as derivs() computes it (same operations
 * in the same order, so the same double): step halving only needs it to accept or reject a
 * step, and it costs O(n p) instead of derivs' O(n p²).
 */
function loglikAt(d: CoxData, order: Int32Array, beta: Float64Array, ties: Ties): number {
  const p = d.x.length;
  const n = d.time.length;
  const { xr, time, event, strata } = ordered(d, order);
  let loglik = 0;
  let S0 = 0;
  let r = 0;
  let curStrat = -1;
  while (r < n) {
    const s = strata ? strata[r] : 0;
    if (s !== curStrat) {
      curStrat = s;
      S0 = 0;
    }
    const t = time[r];
    let D0 = 0;
    let nd = 0;
    let r1 = r;
    while (r1 < n && time[r1] === t && (strata ? strata[r1] : 0) === s) {
      const off = r1 * p;
      let eta = 0;
      for (let a = 0; a < p; a++) eta += beta[a] * xr[off + a];
      const w = Math.exp(eta);
      S0 += w;
      if (event[r1] === 1) {
        nd++;
        D0 += w;
        loglik += eta;
      }
      r1++;
    }
    if (nd > 0) {
      const reps = ties === 'efron' && nd > 1 ? nd : 1;
      const mult = reps === 1 ? nd : 1;
      for (let k = 0; k < reps; k++) {
        const f = reps === 1 ? 0 : k / nd;
        loglik -= mult * Math.log(S0 - f * D0);
      }
    }
    r = r1;
  }
  return loglik;
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
  /** Centred kept columns. */
  xc: Float64Array[];
  ties: Ties;
}

/**
 * Columns that are (near) linear combinations of earlier ones after centring (R: NA
 * coefficients): a column is aliased when its squared norm, after projecting out the earlier
 * non-aliased columns, is at most 1e-10 of its own. That residual norm² is the column's
 * Cholesky pivot in the cross-product matrix, which one chunked pass over the data gives.
 */
function aliasedColumns(xc: Float64Array[]): number[] {
  const p = xc.length;
  if (p === 0) return [];
  const n = xc[0].length;
  const K = p % 2 === 0 ? p : p + 1;
  const gram = gramKernel(K);
  const { chunk, G } = gram;
  const CH = GRAM_CHUNK;
  for (let i0 = 0; i0 < n; i0 += CH) {
    const nb = Math.min(CH, n - i0);
    for (let a = 0; a < p; a++) chunk.set(xc[a].subarray(i0, i0 + nb), a * CH);
    gram.accumulate(nb);
  }
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
  const order = coxOrder(d.time, d.strata);
  const centred = d.x.map((col) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += col[i];
    const m = s / n;
    // a plain loop: Float64Array.from with a map function calls it per element, ~10x slower
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = col[i] - m;
    return out;
  });
  const aliased = aliasedColumns(centred);
  const kept = centred.map((_, j) => j).filter((j) => !aliased.includes(j));
  const xc = kept.map((j) => centred[j]);
  const p = kept.length;
  const dd: CoxData = { ...d, x: xc };
  let nEvent = 0;
  for (let i = 0; i < n; i++) nEvent += d.event[i] === 1 ? 1 : 0;
  let beta = new Float64Array(p);
  let cur = derivs(dd, order, beta, ties);
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
    // Accept or reject (halve) on the log-likelihood alone; the score and information are
    // computed once, for the accepted beta. Near convergence rounding noise often rejects
    // the last full step several times, and each rejected trial was a full O(n p²) pass.
    let ll = loglikAt(dd, order, nb, ties);
    let halvings = 0;
    while (!(ll >= cur.loglik) && halvings < 30) {
      nb = Float64Array.from(nb, (b, a) => (b + beta[a]) / 2);
      ll = loglikAt(dd, order, nb, ties);
      halvings++;
    }
    const next = derivs(dd, order, nb, ties);
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
  return { kept, aliased, coef: beta, vcov, loglik: cur.loglik, loglikNull, score, wald, iter, converged, infinite, nEvent, n, lp, order, xc, ties };
}

/** Fenwick tree of counts over ranks 1..m. */
class Fenwick {
  private t: Float64Array;
  constructor(private m: number) {
    this.t = new Float64Array(m + 1);
  }
  add(i: number, v: number) {
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
  const { values: ranks, index: rk } = uniqueIndex(lp); // 0-based rank of each risk score
  const m = ranks.length;
  const c = new Float64Array(n);
  const dsc = new Float64Array(n);
  const tx = new Float64Array(n);
  let C = 0;
  let D = 0;
  let T = 0;
  let TY = 0;
  // blocks of equal (stratum, time) in `order` (time descending within stratum)
  const blocks: [number, number][] = [];
  for (let r = 0; r < n; ) {
    const i0 = order[r];
    let r1 = r + 1;
    while (r1 < n && time[order[r1]] === time[i0] && (strata ? strata[order[r1]] === strata[i0] : true)) r1++;
    blocks.push([r, r1]);
    r = r1;
  }
  const sOf = (i: number) => (strata ? strata[i] : 0);
  // pass A: descending time, risk set = later times + censored at the same time
  let risk = new Fenwick(m);
  let total = 0;
  let cur = -1;
  for (const [a, b] of blocks) {
    if (sOf(order[a]) !== cur) {
      cur = sOf(order[a]);
      risk = new Fenwick(m);
      total = 0;
    }
    let nd = 0;
    for (let r = a; r < b; r++) {
      const i = order[r];
      if (event[i] !== 1) {
        risk.add(rk[i] + 1, 1);
        total++;
      } else nd++;
    }
    TY += (nd * (nd - 1)) / 2;
    for (let r = a; r < b; r++) {
      const i = order[r];
      if (event[i] !== 1) continue;
      const less = risk.sum(rk[i]);
      const eq = risk.sum(rk[i] + 1) - less;
      const greater = total - less - eq;
      c[i] += less;
      dsc[i] += greater;
      tx[i] += eq;
      C += less;
      D += greater;
      T += eq;
    }
    for (let r = a; r < b; r++) {
      const i = order[r];
      if (event[i] === 1) {
        risk.add(rk[i] + 1, 1);
        total++;
      }
    }
  }
  // pass B: ascending time, events before (and, for censored subjects, at) each time
  let ev = new Fenwick(m);
  let evTotal = 0;
  cur = -1;
  for (let q = blocks.length - 1; q >= 0; q--) {
    const [a, b] = blocks[q];
    if (sOf(order[a]) !== cur) {
      cur = sOf(order[a]);
      ev = new Fenwick(m);
      evTotal = 0;
    }
    const count = (i: number) => {
      const less = ev.sum(rk[i]);
      const eq = ev.sum(rk[i] + 1) - less;
      c[i] += evTotal - less - eq; // earlier event with higher risk
      dsc[i] += less;
      tx[i] += eq;
    };
    for (let r = a; r < b; r++) if (event[order[r]] === 1) count(order[r]);
    for (let r = a; r < b; r++) {
      const i = order[r];
      if (event[i] === 1) {
        ev.add(rk[i] + 1, 1);
        evTotal++;
      }
    }
    for (let r = a; r < b; r++) if (event[order[r]] !== 1) count(order[r]);
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
 */
export function coxZph(d: CoxData, fit: CoxFit, terms: number[][]): ZphRow[] {
  const p = fit.kept.length;
  if (p === 0) return [];
  const n = d.time.length;
  // g(t) = 1 - KM(t-) over all rows, one value per event
  const { values: times, index: ti } = uniqueIndex(d.time);
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
  const u2 = new Float64Array(p);
  // The information of (beta, beta g(t)) has blocks Σ v, Σ g v and Σ g² v over the event
  // times; each is symmetric, so only lower triangles are summed.
  const V0 = new Float64Array(p * p);
  const V1 = new Float64Array(p * p);
  const V2 = new Float64Array(p * p);
  const dd: CoxData = { ...d, x: fit.xc };
  derivs(dd, fit.order, fit.coef, fit.ties, (t, deaths, mn, v) => {
    const g = gAt[indexOf(times, t)] - gbar;
    const gg = g * g;
    for (const i of deaths) for (let a = 0; a < p; a++) u2[a] += g * fit.xc[a][i];
    for (let a = 0; a < p; a++) u2[a] -= g * mn[a];
    for (let a = 0; a < p; a++) {
      const row = a * p;
      for (let b = 0; b <= a; b++) {
        const x = v[row + b];
        V0[row + b] += x;
        V1[row + b] += g * x;
        V2[row + b] += gg * x;
      }
    }
  });
  const P = 2 * p;
  const I = new Float64Array(P * P); // (2p x 2p) row-major
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      const lo = a * p + b;
      for (const [r, c] of [[a, b], [b, a]]) {
        I[r * P + c] = V0[lo];
        I[r * P + (c + p)] = V1[lo];
        I[(r + p) * P + c] = V1[lo];
        I[(r + p) * P + (c + p)] = V2[lo];
      }
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
