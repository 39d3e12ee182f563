/**
 * Mantel–Haenszel inference for 2 × 2 × K tables (R's mantelhaen.test with I = J = 2), the exact
 * conditional test (product of hypergeometrics, as R's d2x2xk, with the conditional MLE of the
 * common odds ratio and its exact interval found with R's uniroot, as fisher2x2 does for K = 1),
 * and the Breslow–Day test of homogeneous odds ratios with Tarone's correction (as
 * DescTools::BreslowDayTest).
 *
 * A stratum is [[a, b], [c, d]] (rows = the row variable's levels, columns = the column's).
 */
import { chisqUpper, normalCdf, normalQuantile, normalUpper, type Alternative } from './distributions';
import { conditionalOddsRatio, NoncentralHypergeometric, REL_ERR } from './discrete';


export type Stratum = [[number, number], [number, number]];

export interface MantelHaenszelResult {
  statistic: number;
  df: number | null;
  p_value: number;
  estimate: number;
  conf_low: number;
  conf_high: number;
  method: string;
}

/** R's mantelhaen.test(x, correct, exact = FALSE, alternative, conf.level) on 2 × 2 × K tables. */
export function mantelHaenszel(strata: Stratum[], correct: boolean, alternative: Alternative, confLevel: number): MantelHaenszelResult {
  let delta = 0;
  let v = 0;
  let sDiag = 0;
  let sOffd = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  for (const [[a, b], [c, d]] of strata) {
    const n = a + b + c + d;
    const r1 = a + b;
    const r2 = c + d;
    const c1 = a + c;
    const c2 = b + d;
    delta += a - (r1 * c1) / n;
    v += (r1 * r2 * c1 * c2) / (n * n * (n - 1));
    sDiag += (a * d) / n;
    sOffd += (b * c) / n;
    const n2 = n * n;
    t1 += ((a + d) * a * d) / n2;
    t2 += ((a + d) * b * c + (b + c) * a * d) / n2;
    t3 += ((b + c) * b * c) / n2;
  }
  const yates = correct && Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const statistic = (Math.abs(delta) - yates) ** 2 / v;
  let p: number;
  if (alternative === 'two.sided') p = chisqUpper(statistic, 1);
  else {
    const z = Math.sign(delta) * Math.sqrt(statistic);
    p = alternative === 'less' ? normalCdf(z) : normalUpper(z);
  }
  const estimate = sDiag / sOffd;
  const sd = Math.sqrt(t1 / (2 * sDiag * sDiag) + t2 / (2 * sDiag * sOffd) + t3 / (2 * sOffd * sOffd));
  let lo: number;
  let hi: number;
  if (alternative === 'less') {
    lo = 0;
    hi = estimate * Math.exp(normalQuantile(confLevel) * sd);
  } else if (alternative === 'greater') {
    lo = estimate * Math.exp(-normalQuantile(confLevel) * sd);
    hi = Infinity;
  } else {
    const q = normalQuantile((1 - confLevel) / 2);
    lo = estimate * Math.exp(q * sd);
    hi = estimate * Math.exp(-q * sd);
  }
  return {
    statistic,
    df: 1,
    p_value: p,
    estimate,
    conf_low: lo,
    conf_high: hi,
    method: `Mantel-Haenszel chi-squared test ${yates ? 'with' : 'without'} continuity correction`,
  };
}

/**
 * The conditional distribution of S = sum of the top-left cells given all strata margins:
 * P(S = s) ∝ dc(s) · or^s, dc the convolution of the strata's hypergeometric densities (R's d2x2xk).
 */
export class ConditionalSum {
  readonly lo: number;
  readonly hi: number;
  readonly support: Float64Array;
  readonly dc: Float64Array;
  readonly logdc: Float64Array;

  constructor(strata: Stratum[]) {
    let conv = new Float64Array([1]);
    let lo = 0;
    for (const [[a, b], [c, d]] of strata) {
      const h = new NoncentralHypergeometric(a + c, b + d, a + b);
      const u = h.central();
      const next = new Float64Array(conv.length + u.length - 1);
      for (let j = 0; j < u.length; j++) for (let w = 0; w < conv.length; w++) next[w + j] += conv[w] * u[j];
      conv = next;
      lo += h.lo;
    }
    let s = 0;
    for (const v of conv) s += v;
    this.dc = conv.map((v) => v / s);
    this.logdc = this.dc.map((v) => Math.log(v));
    this.lo = lo;
    this.hi = lo + conv.length - 1;
    this.support = Float64Array.from({ length: conv.length }, (_, i) => lo + i);
  }

  density(ncp: number): Float64Array {
    if (ncp === 1) return this.dc;
    const len = this.support.length;
    const d = new Float64Array(len);
    const l = Math.log(ncp);
    let mx = -Infinity;
    for (let i = 0; i < len; i++) {
      d[i] = this.logdc[i] + l * this.support[i];
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

  mean(ncp: number): number {
    if (ncp === 0) return this.lo;
    if (ncp === Infinity) return this.hi;
    const d = this.density(ncp);
    let s = 0;
    for (let i = 0; i < d.length; i++) s += this.support[i] * d[i];
    return s;
  }

  cdf(q: number, ncp: number, upperTail = false): number {
    if (ncp === 0) return Number(upperTail ? q <= this.lo : q >= this.lo);
    if (ncp === Infinity) return Number(upperTail ? q <= this.hi : q >= this.hi);
    const d = this.density(ncp);
    let s = 0;
    for (let i = 0; i < d.length; i++) if (upperTail ? this.support[i] >= q : this.support[i] <= q) s += d[i];
    return s;
  }
}

/** R's mantelhaen.test(x, exact = TRUE, alternative, conf.level) on 2 × 2 × K tables. */
export function mantelHaenszelExact(strata: Stratum[], alternative: Alternative, confLevel: number): MantelHaenszelResult {
  const h = new ConditionalSum(strata);
  const { lo, hi } = h;
  let s = 0;
  for (const st of strata) s += st[0][0];
  let p: number;
  if (alternative === 'less') p = h.cdf(s, 1);
  else if (alternative === 'greater') p = h.cdf(s, 1, true);
  else {
    const d = h.dc;
    const ds = d[s - lo] * REL_ERR;
    p = 0;
    for (let i = 0; i < d.length; i++) if (d[i] <= ds) p += d[i];
  }
  const { estimate, conf_low, conf_high } = conditionalOddsRatio(h, s, lo, hi, alternative, confLevel);
  return { statistic: s, df: null, p_value: p, estimate, conf_low, conf_high, method: 'Exact conditional test of independence in 2 x 2 x k tables' };
}

export interface BreslowDayResult {
  statistic: number;
  df: number;
  p_value: number;
  tarone_statistic: number;
  tarone_p_value: number;
  /** Strata with all margins > 0 (the others carry no information on the odds ratio and are skipped). */
  strata_used: number;
}

/**
 * The Breslow–Day test that the K odds ratios equal `or` (the Mantel–Haenszel estimate), with
 * Tarone's correction, as DescTools::BreslowDayTest; strata with a zero margin are skipped.
 */
export function breslowDay(strata: Stratum[], or: number): BreslowDayResult | null {
  let x2 = 0;
  let sa = 0;
  let sta = 0;
  let sva = 0;
  let used = 0;
  for (const [[a, b], [c, d]] of strata) {
    const m1 = a + b;
    const m2 = c + d;
    const n1 = a + c;
    const n2 = b + d;
    if (!(m1 > 0 && m2 > 0 && n1 > 0 && n2 > 0)) continue;
    // (1 - or) t² + (n2 - m1 + or (n1 + m1)) t - m1 n1 or = 0, root in [max(0, m1 - n2), min(n1, m1)]
    const A = 1 - or;
    const B = n2 - m1 + or * (n1 + m1);
    const C = -m1 * n1 * or;
    const tlo = Math.max(0, m1 - n2);
    const thi = Math.min(n1, m1);
    let t: number;
    if (Math.abs(A) < 1e-300) t = -C / B;
    else {
      const disc = Math.sqrt(B * B - 4 * A * C);
      const q = -0.5 * (B + (B >= 0 ? disc : -disc));
      const r1 = q / A;
      const r2 = C / q;
      const inside = (r: number) => r >= tlo - 1e-9 * (1 + thi) && r <= thi + 1e-9 * (1 + thi);
      t = inside(r1) && !inside(r2) ? r1 : inside(r2) && !inside(r1) ? r2 : Math.abs(r1 - (tlo + thi) / 2) < Math.abs(r2 - (tlo + thi) / 2) ? r1 : r2;
    }
    const va = 1 / (1 / t + 1 / (m1 - t) + 1 / (n1 - t) + 1 / (m2 - n1 + t));
    x2 += (a - t) ** 2 / va;
    sa += a;
    sta += t;
    sva += va;
    used++;
  }
  if (used < 2) return null;
  const df = used - 1;
  const tarone = x2 - (sa - sta) ** 2 / sva;
  return { statistic: x2, df, p_value: chisqUpper(x2, df), tarone_statistic: tarone, tarone_p_value: chisqUpper(tarone, df), strata_used: used };
}
