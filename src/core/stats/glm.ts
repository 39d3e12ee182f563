/**
 * Generalised linear models by iteratively reweighted least squares, step for step as R's
 * glm.fit (R 4.2): the same starting values (family$initialize's mustart), the same working
 * response and weights, step halving when the deviance is not finite or mu leaves its domain,
 * the same convergence test |dev - devold| / (|dev| + 0.1) < epsilon (1e-8) and at most 25
 * iterations, the same link clamps (binomial logit at |eta| > 30, poisson mu >= DBL_EPSILON).
 *
 * The weighted least-squares step solves X'WX b = X'Wz through a Cholesky factor of X'WX,
 * accumulated in one chunked pass over the design's columns (or a row-major copy) as the
 * weighted cross-products of [X, z] (gram.ts; R uses a pivoted QR of sqrt(W) X). The covariance, as summary.glm's cov.unscaled, is the inverse of the X'WX of the
 * last iteration (whose weights come from the mu at the start of that iteration, as R's).
 *
 * Aliased (collinear) columns: R's QR drops a column whose residual norm, after projecting out
 * the earlier columns, is below 1e-11 of its own norm. Through X'WX (squared condition) that
 * test cannot be made so fine; a column is aliased here when its Cholesky pivot is below
 * 1e-10 of its diagonal (residual norm below 1e-5 of its norm), which catches exact
 * collinearity and keeps every column R keeps in practice.
 */

import gammaln from '@stdlib/math-base-special-gammaln';
import { GRAM_CHUNK, transposeRows, weightedGram } from './gram';

export type GlmFamily = 'binomial' | 'poisson';

const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DBL_EPSILON;
const ALIAS_TOL = 1e-10;

export interface GlmInput {
  family: GlmFamily;
  /** Row-major design, n × p (or give `cols`). */
  x?: Float64Array;
  /** The design's columns, p arrays of n (instead of a row-major `x`: no n × p copy needed). */
  cols?: Float64Array[];
  n: number;
  p: number;
  y: Float64Array;
  /** Prior weights (default 1). */
  weights?: Float64Array;
  offset?: Float64Array;
  /** Starting fitted values (R's mustart); default family$initialize. */
  mustart?: Float64Array;
  /** Whether column 0 is an intercept (for the null deviance). Default true. */
  intercept?: boolean;
  epsilon?: number;
  maxit?: number;
  checkCancelled?: () => void;
}

export interface GlmFit {
  /** Coefficients; NaN for aliased columns. */
  coefficients: Float64Array;
  /** Standard errors (dispersion 1); NaN for aliased columns. */
  stdErrors: Float64Array;
  /** Unscaled covariance, p × p row-major, NaN rows/columns for aliased terms. */
  cov: Float64Array;
  aliased: boolean[];
  rank: number;
  fitted: Float64Array;
  linearPredictor: Float64Array;
  deviance: number;
  nullDeviance: number;
  /** Working weights of the last iteration. */
  workingWeights: Float64Array;
  iter: number;
  converged: boolean;
  /** True when glm.fit's step halving hit its boundary (R: "fitted rates/probabilities ... boundary"). */
  boundary: boolean;
  dfResidual: number;
  dfNull: number;
  nobs: number;
  /** -2 log-likelihood contribution + 2 rank, as family$aic(...) + 2 * rank (NaN for non-integer Poisson counts). */
  aic: number;
  logLik: number;
  bic: number;
  /** Fitted values numerically 0 or 1 (binomial) or 0 (poisson), R's glm.fit warning. */
  fittedAtBoundary: boolean;
}

// ---- family functions (R's C code in src/library/stats/src/family.c and family.R) ----

function linkinv(family: GlmFamily, eta: number): number {
  if (family === 'binomial') {
    const tmp = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
    return tmp / (1 + tmp);
  }
  return Math.max(Math.exp(eta), DBL_EPSILON);
}

function muEta(family: GlmFamily, eta: number): number {
  if (family === 'binomial') {
    if (eta > THRESH || eta < MTHRESH) return DBL_EPSILON;
    const e = Math.exp(eta);
    const opexp = 1 + e;
    return e / (opexp * opexp);
  }
  return Math.max(Math.exp(eta), DBL_EPSILON);
}

function linkfun(family: GlmFamily, mu: number): number {
  return family === 'binomial' ? Math.log(mu / (1 - mu)) : Math.log(mu);
}

function varianceFn(family: GlmFamily, mu: number): number {
  return family === 'binomial' ? mu * (1 - mu) : mu;
}

const yLogY = (y: number, mu: number) => (y !== 0 ? y * Math.log(y / mu) : 0);

function devResid(family: GlmFamily, y: number, mu: number, wt: number): number {
  if (family === 'binomial') return 2 * wt * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
  return y > 0 ? 2 * wt * (y * Math.log(y / mu) - (y - mu)) : 2 * mu * wt;
}

function deviance(family: GlmFamily, y: Float64Array, mu: Float64Array, w: Float64Array | undefined): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += devResid(family, y[i], mu[i], w ? w[i] : 1);
  return s;
}

function validMu(family: GlmFamily, mu: Float64Array): boolean {
  for (let i = 0; i < mu.length; i++) {
    const m = mu[i];
    if (!Number.isFinite(m)) return false;
    if (family === 'binomial' ? !(m > 0 && m < 1) : !(m > 0)) return false;
  }
  return true;
}

function aicOf(family: GlmFamily, y: Float64Array, mu: Float64Array, w: Float64Array | undefined, dev: number): number {
  if (family === 'binomial') {
    // binomial()$aic with m = 1 (0/1 response): -2 sum(w log dbinom(y, 1, mu)) = deviance for 0/1 y
    let s = 0;
    for (let i = 0; i < y.length; i++) {
      const wt = w ? w[i] : 1;
      if (wt === 0) continue;
      const yi = Math.round(y[i]);
      s += wt * (yi === 1 ? Math.log(mu[i]) : Math.log(1 - mu[i]));
    }
    void dev;
    return -2 * s;
  }
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    if (!Number.isInteger(yi)) return NaN; // R's dpois gives 0 (log -Inf) with a warning
    const wt = w ? w[i] : 1;
    s += wt * (yi === 0 ? -mu[i] : yi * Math.log(mu[i]) - mu[i] - gammaln(yi + 1));
  }
  return -2 * s;
}

// ---- weighted least squares through Cholesky ----

interface WlsResult {
  coef: Float64Array;
  /** Cholesky factor (upper, row-major p × p) of X'WX restricted to non-aliased columns. */
  chol: Float64Array;
  aliased: boolean[];
  rank: number;
}

/** The design, by rows (row-major n × p) or by columns. */
type DesignSource = { rowMajor: Float64Array; cols?: undefined } | { rowMajor?: undefined; cols: Float64Array[] };

/**
 * Solves min || sqrt(w) (z - X b) || through the Cholesky factor of X'WX (aliased columns as
 * `forcedAliased`, plus any found by the pivot test, get coefficient 0 and are skipped).
 */
function wls(src: DesignSource, n: number, p: number, z: Float64Array, w: Float64Array, forcedAliased: boolean[] | null): WlsResult {
  // X'WX and X'Wz as the weighted cross-products of [X, z], accumulated over chunks of rows held
  // column by column in cache: the cost of a fit is this n p²/2 multiply-add pass per
  // iteration. Rows with weight 0 add nothing.
  const { rowMajor: x, cols } = src;
  const K = p + 1;
  const G = weightedGram((chunk, i0, nb) => {
    if (cols) for (let j = 0; j < p; j++) chunk.set(cols[j].subarray(i0, i0 + nb), j * GRAM_CHUNK);
    else transposeRows(x!, p, i0, nb, chunk);
    chunk.set(z.subarray(i0, i0 + nb), p * GRAM_CHUNK);
  }, K, n, w);
  const a = new Float64Array(p * p); // upper triangle of X'WX
  const b = new Float64Array(p); // X'Wz
  for (let j = 0; j < p; j++) {
    b[j] = G[j * K + p];
    for (let k = j; k < p; k++) a[j * p + k] = G[j * K + k];
  }
  // Cholesky (upper, A = R'R), skipping columns whose pivot is negligible.
  const r = new Float64Array(p * p);
  const aliased = forcedAliased ? forcedAliased.slice() : new Array<boolean>(p).fill(false);
  for (let j = 0; j < p; j++) {
    if (aliased[j]) continue;
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) {
      if (aliased[k]) continue;
      const rkj = r[k * p + j];
      d -= rkj * rkj;
    }
    if (!(d > ALIAS_TOL * a[j * p + j]) || !(a[j * p + j] > 0)) {
      aliased[j] = true;
      continue;
    }
    const rjj = Math.sqrt(d);
    r[j * p + j] = rjj;
    for (let c = j + 1; c < p; c++) {
      let s = a[j * p + c];
      for (let k = 0; k < j; k++) {
        if (aliased[k]) continue;
        s -= r[k * p + j] * r[k * p + c];
      }
      r[j * p + c] = s / rjj;
    }
  }
  // Solve R'u = b, then R coef = u.
  const u = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (aliased[j]) continue;
    let s = b[j];
    for (let k = 0; k < j; k++) if (!aliased[k]) s -= r[k * p + j] * u[k];
    u[j] = s / r[j * p + j];
  }
  const coef = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    if (aliased[j]) continue;
    let s = u[j];
    for (let k = j + 1; k < p; k++) if (!aliased[k]) s -= r[j * p + k] * coef[k];
    coef[j] = s / r[j * p + j];
  }
  let rank = 0;
  for (const al of aliased) if (!al) rank++;
  return { coef, chol: r, aliased, rank };
}

/** (R'R)^{-1} from the upper Cholesky factor (R's chol2inv), NaN on aliased rows/columns. */
function chol2inv(r: Float64Array, p: number, aliased: boolean[]): Float64Array {
  // Invert R (upper triangular) into ri, then cov = ri ri'.
  const ri = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    if (aliased[j]) continue;
    ri[j * p + j] = 1 / r[j * p + j];
    for (let i = j - 1; i >= 0; i--) {
      if (aliased[i]) continue;
      let s = 0;
      for (let k = i + 1; k <= j; k++) if (!aliased[k]) s += r[i * p + k] * ri[k * p + j];
      ri[i * p + j] = -s / r[i * p + i];
    }
  }
  const cov = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (aliased[i] || aliased[j]) {
        cov[i * p + j] = NaN;
        continue;
      }
      let s = 0;
      for (let k = Math.max(i, j); k < p; k++) if (!aliased[k]) s += ri[i * p + k] * ri[j * p + k];
      cov[i * p + j] = s;
    }
  }
  return cov;
}

/** R's glm.fit for the binomial (logit) and poisson (log) families. */
export function glmFit(input: GlmInput): GlmFit {
  const { family, n, p, y } = input;
  const src: DesignSource = input.cols ? { cols: input.cols } : { rowMajor: input.x! };
  if (!input.cols && !input.x) throw new Error('glmFit: no design (x or cols)');
  const weights = input.weights;
  const offset = input.offset;
  const eps = input.epsilon ?? 1e-8;
  const maxit = input.maxit ?? 25;
  const intercept = input.intercept ?? true;
  const wt = (i: number) => (weights ? weights[i] : 1);
  const off = (i: number) => (offset ? offset[i] : 0);

  // family$initialize
  const mu = new Float64Array(n);
  if (input.mustart) mu.set(input.mustart);
  else if (family === 'binomial') for (let i = 0; i < n; i++) mu[i] = (wt(i) * y[i] + 0.5) / (wt(i) + 1);
  else for (let i = 0; i < n; i++) mu[i] = y[i] + 0.1;
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) eta[i] = linkfun(family, mu[i]);
  for (let i = 0; i < n; i++) mu[i] = linkinv(family, eta[i]);

  let devold = deviance(family, y, mu, weights);
  let boundary = false;
  let conv = false;
  let coef: Float64Array | null = null;
  let coefold: Float64Array | null = null;
  let last: WlsResult | null = null;
  const z = new Float64Array(n);
  const w = new Float64Array(n);
  const ww = new Float64Array(n);
  let iter = 0;
  let dev = devold;
  let aliasedFixed: boolean[] | null = null;

  for (iter = 1; iter <= maxit; iter++) {
    input.checkCancelled?.();
    for (let i = 0; i < n; i++) {
      const me = muEta(family, eta[i]);
      const good = wt(i) > 0 && me !== 0;
      if (!good) {
        z[i] = 0;
        w[i] = 0;
        continue;
      }
      z[i] = eta[i] - off(i) + (y[i] - mu[i]) / me;
      w[i] = (wt(i) * me * me) / varianceFn(family, mu[i]); // w^2 in R's notation
    }
    // R's QR decides the rank at each step; columns found aliased in the first step stay aliased.
    const fit = wls(src, n, p, z, w, aliasedFixed);
    aliasedFixed = fit.aliased;
    last = fit;
    ww.set(w);
    coef = fit.coef;
    const computeEta = (c: Float64Array) => {
      if (src.cols) {
        // column after column within chunks of rows (the same sum, term for term, as by rows)
        const CH = 2048;
        const dc = src.cols;
        for (let i0 = 0; i0 < n; i0 += CH) {
          const i1 = Math.min(n, i0 + CH);
          for (let i = i0; i < i1; i++) eta[i] = off(i);
          // four columns per sweep: eta + x0 c0 + x1 c1 + ... adds left to right, the same
          // sums as one column at a time, with a quarter of the loads and stores of eta
          let j = 0;
          for (; j + 4 <= p; j += 4) {
            const x0 = dc[j];
            const x1 = dc[j + 1];
            const x2 = dc[j + 2];
            const x3 = dc[j + 3];
            const c0 = c[j];
            const c1 = c[j + 1];
            const c2 = c[j + 2];
            const c3 = c[j + 3];
            for (let i = i0; i < i1; i++) eta[i] = eta[i] + x0[i] * c0 + x1[i] * c1 + x2[i] * c2 + x3[i] * c3;
          }
          for (; j < p; j++) {
            const col = dc[j];
            const cj = c[j];
            for (let i = i0; i < i1; i++) eta[i] += col[i] * cj;
          }
          for (let i = i0; i < i1; i++) mu[i] = linkinv(family, eta[i]);
        }
        return;
      }
      const x = src.rowMajor;
      for (let i = 0; i < n; i++) {
        let s = off(i);
        const o = i * p;
        for (let j = 0; j < p; j++) s += x[o + j] * c[j];
        eta[i] = s;
        mu[i] = linkinv(family, s);
      }
    };
    computeEta(coef);
    dev = deviance(family, y, mu, weights);
    if (!Number.isFinite(dev)) {
      if (!coefold) throw new Error('no valid set of coefficients has been found: please supply starting values');
      let ii = 1;
      while (!Number.isFinite(dev)) {
        if (ii > maxit) throw new Error('inner loop 1; cannot correct step size');
        ii++;
        for (let j = 0; j < p; j++) coef[j] = (coef[j] + coefold[j]) / 2;
        computeEta(coef);
        dev = deviance(family, y, mu, weights);
      }
      boundary = true;
    }
    if (!validMu(family, mu)) {
      if (!coefold) throw new Error('no valid set of coefficients has been found: please supply starting values');
      let ii = 1;
      while (!validMu(family, mu)) {
        if (ii > maxit) throw new Error('inner loop 2; cannot correct step size');
        ii++;
        for (let j = 0; j < p; j++) coef[j] = (coef[j] + coefold[j]) / 2;
        computeEta(coef);
      }
      boundary = true;
      dev = deviance(family, y, mu, weights);
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < eps) {
      conv = true;
      break;
    }
    devold = dev;
    coefold = Float64Array.from(coef);
  }
  if (iter > maxit) iter = maxit;

  const fit = last!;
  const cov = chol2inv(fit.chol, p, fit.aliased);
  const coefficients = new Float64Array(p);
  const stdErrors = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    coefficients[j] = fit.aliased[j] ? NaN : coef![j];
    stdErrors[j] = fit.aliased[j] ? NaN : Math.sqrt(cov[j * p + j]);
  }

  // null deviance as glm.fit (intercept: weighted mean of y; else linkinv(offset))
  let nullDeviance: number;
  {
    const m0 = new Float64Array(n);
    if (intercept) {
      let sw = 0;
      let swy = 0;
      for (let i = 0; i < n; i++) {
        sw += wt(i);
        swy += wt(i) * y[i];
      }
      m0.fill(swy / sw);
    } else for (let i = 0; i < n; i++) m0[i] = linkinv(family, off(i));
    nullDeviance = deviance(family, y, m0, weights);
  }
  let nOk = 0;
  for (let i = 0; i < n; i++) if (wt(i) !== 0) nOk++;
  const aic = aicOf(family, y, mu, weights, dev) + 2 * fit.rank;
  const logLik = fit.rank - aic / 2;
  const bic = -2 * logLik + Math.log(nOk) * fit.rank;
  const epsB = 10 * DBL_EPSILON;
  let fittedAtBoundary = false;
  for (let i = 0; i < n; i++) {
    if (family === 'binomial' ? mu[i] > 1 - epsB || mu[i] < epsB : mu[i] < epsB) {
      fittedAtBoundary = true;
      break;
    }
  }
  return {
    coefficients,
    stdErrors,
    cov,
    aliased: fit.aliased,
    rank: fit.rank,
    fitted: mu,
    linearPredictor: eta,
    deviance: dev,
    nullDeviance,
    workingWeights: ww,
    iter,
    converged: conv,
    boundary,
    dfResidual: nOk - fit.rank,
    dfNull: nOk - (intercept ? 1 : 0),
    nobs: nOk,
    aic,
    logLik,
    bic,
    fittedAtBoundary,
  };
}
