/**
 * Discrete distributions for exact tests: binomial and (noncentral) hypergeometric, computed in
 * log space (log-gamma from @stdlib), binomial tails through the regularised incomplete beta
 * (as R's pbinom), the beta quantile (Clopper–Pearson limits), and R's uniroot (Brent's zeroin,
 * ported from R's zeroin.c so that iterative estimates follow R's own iterates).
 *
 * Exact two-sided p-values follow R: the sum of the probabilities of all outcomes no more likely
 * than the observed one, with a relative tolerance of 1 + 1e-7 (binom.test, fisher.test).
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import betaln from '@stdlib/math-base-special-betaln';
import betainc from '@stdlib/math-base-special-betainc';

export const REL_ERR = 1 + 1e-7;
const DBL_EPSILON = 2.220446049250313e-16;

/** log(n!) */
export function lfactorial(n: number): number {
  return n < 2 ? 0 : gammaln(n + 1);
}

/** log(choose(n, k)) for 0 <= k <= n (integers); -Infinity outside. */
export function lchoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (k === 0 || k === n) return 0;
  return lfactorial(n) - lfactorial(k) - lfactorial(n - k);
}

/** log P(X = x) for X ~ Binomial(n, p). */
export function dbinomLog(x: number, n: number, p: number): number {
  if (x < 0 || x > n) return -Infinity;
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (p === 1) return x === n ? 0 : -Infinity;
  return lchoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p);
}

export function dbinom(x: number, n: number, p: number): number {
  return Math.exp(dbinomLog(x, n, p));
}

/** P(X <= x) for X ~ Binomial(n, p) (R's pbinom), as I_{1-p}(n - x, x + 1). */
export function pbinom(x: number, n: number, p: number): number {
  x = Math.floor(x + 1e-7);
  if (x < 0) return 0;
  if (x >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  // I_{1-p}(n-x, x+1) = upper tail of I_p(x+1, n-x)
  return betainc(p, x + 1, n - x, true, true);
}

/** P(X > x) for X ~ Binomial(n, p) (R's pbinom(x, n, p, lower.tail = FALSE)), computed directly. */
export function pbinomUpper(x: number, n: number, p: number): number {
  x = Math.floor(x + 1e-7);
  if (x < 0) return 1;
  if (x >= n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return betainc(p, x + 1, n - x, true, false);
}

/** The p-quantile of Beta(a, b) (R's qbeta), by safeguarded Newton steps on the incomplete beta. */
export function qbeta(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lb = betaln(a, b);
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  for (let it = 0; it < 300; it++) {
    const f = betainc(x, a, b, true, false) - p;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const logDens = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb;
    let nx = x - f / Math.exp(logDens);
    if (!(nx > lo && nx < hi) || !Number.isFinite(nx)) nx = lo > 0 || hi < 1 ? (hi - lo < 1e-300 ? lo : lo === 0 ? hi / 2 : hi === 1 ? (lo + 1) / 2 : (lo + hi) / 2) : x / 2;
    if (Math.abs(nx - x) <= 1e-15 * Math.max(x, 1e-300)) return nx;
    if (hi - lo <= 2 * DBL_EPSILON * Math.max(lo, 1e-300) && it > 5) return nx;
    x = nx;
  }
  return x;
}

/** R's binom.test(x, n, p, alternative, conf.level). */
export function binomTest(
  x: number,
  n: number,
  p: number,
  alternative: 'two.sided' | 'less' | 'greater',
  confLevel: number,
): { estimate: number; p_value: number; conf_low: number; conf_high: number } {
  let pv: number;
  if (alternative === 'less') pv = pbinom(x, n, p);
  else if (alternative === 'greater') pv = pbinomUpper(x - 1, n, p);
  else {
    const d = dbinom(x, n, p);
    const m = n * p;
    if (x === m) pv = 1;
    else if (x < m) {
      let y = 0;
      for (let i = Math.ceil(m); i <= n; i++) if (dbinom(i, n, p) <= d * REL_ERR) y++;
      pv = pbinom(x, n, p) + pbinomUpper(n - y, n, p);
    } else {
      let y = 0;
      for (let i = 0; i <= Math.floor(m); i++) if (dbinom(i, n, p) <= d * REL_ERR) y++;
      pv = pbinom(y - 1, n, p) + pbinomUpper(x - 1, n, p);
    }
    pv = Math.min(1, pv);
  }
  const pL = (alpha: number) => (x === 0 ? 0 : qbeta(alpha, x, n - x + 1));
  const pU = (alpha: number) => (x === n ? 1 : qbeta(1 - alpha, x + 1, n - x));
  let lo: number;
  let hi: number;
  if (alternative === 'less') {
    lo = 0;
    hi = pU(1 - confLevel);
  } else if (alternative === 'greater') {
    lo = pL(1 - confLevel);
    hi = 1;
  } else {
    const alpha = (1 - confLevel) / 2;
    lo = pL(alpha);
    hi = pU(alpha);
  }
  return { estimate: x / n, p_value: pv, conf_low: lo, conf_high: hi };
}

import { uniroot } from './uniroot';

/**
 * The hypergeometric distribution of the top-left cell x of a 2x2 table with row totals m, n
 * and first-column total k (R's dhyper(x, m, n, k)), and its noncentral extension with odds
 * ratio ncp, over the support max(0, k - n) .. min(k, m) — as in R's fisher.test.
 */
export class NoncentralHypergeometric {
  readonly lo: number;
  readonly hi: number;
  readonly support: Float64Array;
  readonly logdc: Float64Array;

  constructor(
    readonly m: number,
    readonly n: number,
    readonly k: number,
  ) {
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    const len = this.hi - this.lo + 1;
    this.support = new Float64Array(len);
    this.logdc = new Float64Array(len);
    const lden = lchoose(m + n, k);
    for (let i = 0; i < len; i++) {
      const x = this.lo + i;
      this.support[i] = x;
      this.logdc[i] = lchoose(m, x) + lchoose(n, k - x) - lden;
    }
  }

  /** Probabilities over the support for odds ratio ncp (R's dnhyper). */
  density(ncp: number): Float64Array {
    const len = this.support.length;
    const d = new Float64Array(len);
    let mx = -Infinity;
    const lncp = Math.log(ncp);
    for (let i = 0; i < len; i++) {
      d[i] = this.logdc[i] + (this.support[i] === 0 ? 0 : lncp * this.support[i]);
      if (d[i] > mx) mx = d[i];
    }
    let s = 0;
    for (let i = 0; i < len; i++) {
      d[i] = Math.exp(d[i] - mx);
      s += d[i];
    }
    for (let i = 0; i < len; i++) d[i] /= s;
    return d;
  }

  /** The mean of the support under odds ratio ncp (R's mnhyper). */
  mean(ncp: number): number {
    if (ncp === 0) return this.lo;
    if (ncp === Infinity) return this.hi;
    const d = this.density(ncp);
    let s = 0;
    for (let i = 0; i < d.length; i++) s += this.support[i] * d[i];
    return s;
  }

  /** P(X <= q) (or P(X >= q) with upperTail) under odds ratio ncp (R's pnhyper). */
  cdf(q: number, ncp: number, upperTail = false): number {
    if (ncp === 0) return Number(upperTail ? q <= this.lo : q >= this.lo);
    if (ncp === Infinity) return Number(upperTail ? q <= this.hi : q >= this.hi);
    const d = ncp === 1 ? this.central() : this.density(ncp);
    let s = 0;
    for (let i = 0; i < d.length; i++) if (upperTail ? this.support[i] >= q : this.support[i] <= q) s += d[i];
    return Math.min(1, s);
  }

  /** Central probabilities (R's dhyper), not renormalised. */
  central(): Float64Array {
    return Float64Array.from(this.logdc, (l) => Math.exp(l));
  }
}

export interface Fisher2x2 {
  p_value: number;
  estimate: number;
  conf_low: number;
  conf_high: number;
}

/** What the conditional odds-ratio estimate needs of a (noncentral hypergeometric) distribution. */
export interface ConditionalDistribution {
  /** E[X] at odds ratio t. */
  mean(t: number): number;
  /** P(X <= x) at odds ratio t, or P(X >= x) when `upper`. */
  cdf(x: number, t: number, upper?: boolean): number;
}

/**
 * The conditional maximum-likelihood odds ratio and its exact confidence interval, as R's
 * fisher.test and mantelhaen.test(exact = TRUE) find them: roots of E[X](t) = x and of the tail
 * probabilities, by uniroot on (0, 1] for t or 1/t. `lo` and `hi` are the support of X.
 */
export function conditionalOddsRatio(
  h: ConditionalDistribution,
  x: number,
  lo: number,
  hi: number,
  alternative: 'two.sided' | 'less' | 'greater',
  confLevel: number,
): { estimate: number; conf_low: number; conf_high: number } {
  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Infinity;
    const mu = h.mean(1);
    if (mu > x) return uniroot((t) => h.mean(t) - x, 0, 1);
    if (mu < x) return 1 / uniroot((t) => h.mean(1 / t) - x, DBL_EPSILON, 1);
    return 1;
  };
  const ncpU = (alpha: number): number => {
    if (x === hi) return Infinity;
    const p = h.cdf(x, 1);
    if (p < alpha) return uniroot((t) => h.cdf(x, t) - alpha, 0, 1);
    if (p > alpha) return 1 / uniroot((t) => h.cdf(x, 1 / t) - alpha, DBL_EPSILON, 1);
    return 1;
  };
  const ncpL = (alpha: number): number => {
    if (x === lo) return 0;
    const p = h.cdf(x, 1, true);
    if (p > alpha) return uniroot((t) => h.cdf(x, t, true) - alpha, 0, 1);
    if (p < alpha) return 1 / uniroot((t) => h.cdf(x, 1 / t, true) - alpha, DBL_EPSILON, 1);
    return 1;
  };
  if (alternative === 'less') return { estimate: mle(), conf_low: 0, conf_high: ncpU(1 - confLevel) };
  if (alternative === 'greater') return { estimate: mle(), conf_low: ncpL(1 - confLevel), conf_high: Infinity };
  const alpha = (1 - confLevel) / 2;
  return { estimate: mle(), conf_low: ncpL(alpha), conf_high: ncpU(alpha) };
}

/**
 * R's fisher.test on a 2x2 table [[a, b], [c, d]] (rows = first factor): exact p-value, the
 * conditional maximum likelihood estimate of the odds ratio and its exact confidence interval
 * (roots of the noncentral hypergeometric found with R's uniroot).
 */
export function fisher2x2(
  a: number,
  b: number,
  c: number,
  d: number,
  alternative: 'two.sided' | 'less' | 'greater',
  confLevel: number,
  or = 1,
): Fisher2x2 {
  const m = a + c; // first column total
  const n = b + d; // second column total
  const k = a + b; // first row total
  const x = a;
  const h = new NoncentralHypergeometric(m, n, k);
  const { lo, hi } = h;
  let pv: number;
  if (alternative === 'less') pv = h.cdf(x, or);
  else if (alternative === 'greater') pv = h.cdf(x, or, true);
  else {
    if (or === 0) pv = Number(x === lo);
    else if (or === Infinity) pv = Number(x === hi);
    else {
      const dd = or === 1 ? h.density(1) : h.density(or);
      const dx = dd[x - lo];
      let s = 0;
      for (let i = 0; i < dd.length; i++) if (dd[i] <= dx * REL_ERR) s += dd[i];
      pv = Math.min(1, s);
    }
  }
  const { estimate, conf_low, conf_high } = conditionalOddsRatio(h, x, lo, hi, alternative, confLevel);
  return { p_value: pv, estimate, conf_low, conf_high };
}

/**
 * Exact p-value of Fisher's test for an r x c table (R's fisher.test on larger tables): the
 * total probability of all tables with the observed margins that are no more likely than the
 * observed table (relative tolerance 1e-7).
 *
 * Tables are built column by column. As in the network algorithm (Mehta & Patel 1983), the
 * set of completions of a partial table depends only on the multiset of remaining row sums,
 * so for each such state we precompute (memoised) the largest and smallest completion
 * probability and the total over all completions (closed form). A partial table whose every
 * completion lies below the threshold contributes its total at once; one whose every
 * completion lies above is dropped; only the rest is expanded. Returns null when more than
 * `limit` nodes would be expanded (the table is too large for the exact test).
 */
export function fisherRxC(table: number[][], limit = 5e6): { p_value: number; tables: number | null } | null {
  // orient so that there are fewer rows than columns... keep columns as the stage (more stages, smaller states)
  let tab = table.map((row) => row.slice());
  if (tab.length > tab[0].length) tab = tab[0].map((_, j) => tab.map((row) => row[j]));
  const r = tab.length;
  const c = tab[0].length;
  const rows = tab.map((row) => row.reduce((s, v) => s + v, 0));
  const cols = Array.from({ length: c }, (_, j) => tab.reduce((s, row) => s + row[j], 0));
  // largest columns first: fewer states
  cols.sort((a, b) => b - a);
  const n = rows.reduce((s, v) => s + v, 0);
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = lf[i - 1] + Math.log(i);
  let constant = -lf[n];
  for (const v of rows) constant += lf[v];
  for (const v of cols) constant += lf[v];
  let obs = constant;
  for (const row of tab) for (const v of row) obs -= lf[v];
  // completions must satisfy constant + path + completion <= obs + log(1 + 1e-7)
  const T = obs + Math.log(REL_ERR) - constant;
  const colSuffix = new Float64Array(c + 1);
  for (let j = c - 1; j >= 0; j--) colSuffix[j] = colSuffix[j + 1] + lf[cols[j]];
  let nodes = 0;
  let aborted = false;
  const bounds = new Map<string, { max: number; min: number }>();
  const keyOf = (j: number, rem: number[]) => j + ':' + rem.slice().sort((a, b) => a - b).join(',');

  /** Calls visit(cellsLogSum, newRem) for each way to fill column j from rem. */
  const fillColumn = (j: number, rem: number[], visit: (acc: number, next: number[]) => void) => {
    const suffix = new Array<number>(r + 1).fill(0);
    for (let i = r - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + rem[i];
    const next = rem.slice();
    const rec = (i: number, left: number, acc: number): void => {
      if (aborted) return;
      if (i === r - 1) {
        if (left > rem[i]) return;
        next[i] = rem[i] - left;
        visit(acc - lf[left], next);
        return;
      }
      const maxv = Math.min(left, rem[i]);
      const minv = Math.max(0, left - suffix[i + 1]);
      for (let v = minv; v <= maxv; v++) {
        next[i] = rem[i] - v;
        rec(i + 1, left - v, acc - lf[v]);
      }
      next[i] = rem[i];
    };
    rec(0, cols[j], 0);
  };

  /** Max and min over completions of columns j..c-1 of -sum lfact(cells). */
  const bound = (j: number, rem: number[]): { max: number; min: number } => {
    if (j === c - 1) {
      let s = 0;
      for (let i = 0; i < r; i++) s -= lf[rem[i]];
      return { max: s, min: s };
    }
    const key = keyOf(j, rem);
    const hit = bounds.get(key);
    if (hit) return hit;
    let max = -Infinity;
    let min = Infinity;
    fillColumn(j, rem, (acc, next) => {
      if (++nodes > limit) aborted = true;
      const b = bound(j + 1, next);
      if (acc + b.max > max) max = acc + b.max;
      if (acc + b.min < min) min = acc + b.min;
    });
    const out = { max, min };
    bounds.set(key, out);
    return out;
  };

  /** log of the sum over all completions of exp(-sum lfact(cells)) = lfact(M) - sum lfact(rem) - sum lfact(cols_j..). */
  const logTotal = (j: number, rem: number[]): number => {
    let m = 0;
    let s = 0;
    for (let i = 0; i < r; i++) {
      m += rem[i];
      s += lf[rem[i]];
    }
    return lf[m] - s - colSuffix[j];
  };

  let total = 0;
  const walk = (j: number, rem: number[], path: number): void => {
    if (aborted) return;
    const b = bound(j, rem);
    if (path + b.max <= T) {
      total += Math.exp(constant + path + logTotal(j, rem));
      return;
    }
    if (path + b.min > T) return;
    if (j === c - 1) return; // single completion, handled by the bounds above
    fillColumn(j, rem, (acc, next) => {
      if (++nodes > limit) aborted = true;
      walk(j + 1, next.slice(), path + acc);
    });
  };
  walk(0, rows, 0);
  if (aborted) return null;
  return { p_value: Math.min(1, total), tables: null };
}
