/**
 * Shapiro–Wilk W test (R's shapiro.test / swilk.c: Royston 1995, Algorithm AS R94, with
 * Royston's 1992 approximations for the coefficients and the p-value), for 3 ≤ n ≤ 5000;
 * and the Lilliefors-corrected Kolmogorov–Smirnov test as nortest::lillie.test (Dallal &
 * Wilkinson 1986 p-value approximation, Stephens' 1974 modified statistic above p = 0.1).
 */
import { mean, sd } from './descriptive';
import { normalCdf, normalQuantile, normalUpper } from './distributions';

/** Polynomial cc[0] + cc[1] x + ... (Algorithm AS 181.2). */
function poly(cc: number[], x: number): number {
  const nord = cc.length;
  let ret = cc[0];
  if (nord > 1) {
    let p = x * cc[nord - 1];
    for (let j = nord - 2; j > 0; j--) p = (p + cc[j]) * x;
    ret += p;
  }
  return ret;
}

export const SHAPIRO_MAX_N = 5000;

/**
 * Shapiro–Wilk W and p-value of finite values (any order). Returns null when n < 3, n > 5000
 * or all values are identical (where R's shapiro.test stops).
 */
export function shapiroWilk(values: ArrayLike<number>): { w: number; p_value: number } | null {
  const n = values.length;
  if (n < 3 || n > SHAPIRO_MAX_N) return null;
  const x = Float64Array.from(values).sort();
  let rng = x[n - 1] - x[0];
  if (rng === 0) return null;
  if (rng < 1e-10) {
    for (let i = 0; i < n; i++) x[i] /= rng;
    rng = x[n - 1] - x[0];
  }
  const nn2 = Math.floor(n / 2);
  const a = new Float64Array(nn2 + 1); // 1-based
  const small = 1e-19;
  const g = [-2.273, 0.459];
  const c1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
  const c2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
  const c3 = [0.544, -0.39978, 0.025054, -6.714e-4];
  const c4 = [1.3822, -0.77857, 0.062767, -0.0020322];
  const c5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
  const c6 = [-0.4803, -0.082676, 0.0030302];
  const an = n;
  if (n === 3) a[1] = 0.70710678;
  else {
    const an25 = an + 0.25;
    let summ2 = 0;
    for (let i = 1; i <= nn2; i++) {
      a[i] = normalQuantile((i - 0.375) / an25);
      summ2 += a[i] * a[i];
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(an);
    const a1 = poly(c1, rsn) - a[1] / ssumm2;
    let i1: number;
    let fac: number;
    if (n > 5) {
      i1 = 3;
      const a2 = -a[2] / ssumm2 + poly(c2, rsn);
      fac = Math.sqrt((summ2 - 2 * (a[1] * a[1]) - 2 * (a[2] * a[2])) / (1 - 2 * (a1 * a1) - 2 * (a2 * a2)));
      a[2] = a2;
    } else {
      i1 = 2;
      fac = Math.sqrt((summ2 - 2 * (a[1] * a[1])) / (1 - 2 * (a1 * a1)));
    }
    a[1] = a1;
    for (let i = i1; i <= nn2; i++) a[i] /= -fac;
  }
  if (rng < small) return null;
  // W as the squared correlation between the data and the coefficients
  let xx = x[0] / rng;
  let sx = xx;
  let sa = -a[1];
  for (let i = 1, j = n - 1; i < n; j--) {
    const xi = x[i] / rng;
    sx += xi;
    i++;
    if (i !== j) sa += Math.sign(i - j) * a[Math.min(i, j)];
    xx = xi;
  }
  sa /= n;
  sx /= n;
  let ssa = 0, ssx = 0, sax = 0;
  for (let i = 0, j = n - 1; i < n; i++, j--) {
    const asa = i !== j ? Math.sign(i - j) * a[1 + Math.min(i, j)] - sa : -sa;
    const xsx = x[i] / rng - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx);
  const w = 1 - w1;
  if (n === 3) {
    const pi6 = 1.90985931710274;
    const stqr = 1.0471975511966;
    let pw = pi6 * (Math.asin(Math.sqrt(w)) - stqr);
    if (pw < 0) pw = 0;
    return { w, p_value: pw };
  }
  let y = Math.log(w1);
  const lxx = Math.log(an);
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = poly(g, an);
    if (y >= gamma) return { w, p_value: 1e-99 };
    y = -Math.log(gamma - y);
    m = poly(c3, an);
    s = Math.exp(poly(c4, an));
  } else {
    m = poly(c5, lxx);
    s = Math.exp(poly(c6, lxx));
  }
  return { w, p_value: normalUpper((y - m) / s) };
}

/**
 * Lilliefors (Kolmogorov–Smirnov) normality test, as nortest::lillie.test (n ≥ 5): D and the
 * Dallal–Wilkinson p-value (Stephens' modified statistic when that p exceeds 0.1). null when
 * n < 5 or the values are constant.
 */
export function lillieforsTest(values: ArrayLike<number>): { d: number; p_value: number } | null {
  const n = values.length;
  if (n < 5) return null;
  const x = Float64Array.from(values).sort();
  const m = mean(x);
  const s = sd(x);
  if (!(s > 0)) return null;
  let dplus = -Infinity;
  let dminus = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = normalCdf((x[i] - m) / s);
    dplus = Math.max(dplus, (i + 1) / n - p);
    dminus = Math.max(dminus, p - i / n);
  }
  const K = Math.max(dplus, dminus);
  let Kd: number;
  let nd: number;
  if (n <= 100) {
    Kd = K;
    nd = n;
  } else {
    Kd = K * Math.pow(n / 100, 0.49);
    nd = 100;
  }
  let p = Math.exp(
    -7.01256 * Kd * Kd * (nd + 2.78019) + 2.99587 * Kd * Math.sqrt(nd + 2.78019) - 0.122119 + 0.974598 / Math.sqrt(nd) + 1.67997 / nd,
  );
  if (p > 0.1) {
    const KK = (Math.sqrt(n) - 0.01 + 0.85 / Math.sqrt(n)) * K;
    if (KK <= 0.302) p = 1;
    else if (KK <= 0.5) p = 2.76773 - 19.828315 * KK + 80.709644 * KK ** 2 - 138.55152 * KK ** 3 + 81.218052 * KK ** 4;
    else if (KK <= 0.9) p = -4.901232 + 40.662806 * KK - 97.490286 * KK ** 2 + 94.029866 * KK ** 3 - 32.355711 * KK ** 4;
    else if (KK <= 1.31) p = 6.198765 - 19.558097 * KK + 23.186922 * KK ** 2 - 12.234627 * KK ** 3 + 2.423045 * KK ** 4;
    else p = 0;
  }
  return { d: K, p_value: p };
}
