/**
 * Kernel density estimate as R's density(x) with its defaults: gaussian kernel, bandwidth
 * bw.nrd0, n = 512 points from min(x) − 3 bw to max(x) + 3 bw. As R, the data are linearly
 * binned on 512 points over [from − 4 bw, to + 4 bw], convolved with the kernel (R by FFT, here
 * directly: 512 × 512 terms, the same sums), and interpolated linearly onto the output grid.
 * The kernel grid keeps R ≤ 4.3's spacing 2(up − lo)/(2n − 1) (density(old.coords = TRUE) in R ≥ 4.4).
 */
import { quantileSorted, sd, sorted } from '../../stats/descriptive';
import { seqLength } from '../../stats/pretty';

/** R's bw.nrd0(x): 0.9 min(sd, IQR/1.34) n^(−1/5), with R's fallbacks for zero spread. */
export function bwNrd0(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const hi = sd(x);
  const s = sorted(x);
  let lo = Math.min(hi, (quantileSorted(s, 0.75) - quantileSorted(s, 0.25)) / 1.34);
  if (!lo) lo = hi || Math.abs(x[0]) || 1;
  return 0.9 * lo * n ** -0.2;
}

export interface Density {
  x: number[];
  y: number[];
  bw: number;
  n: number;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** density(x, n = 512, cut = 3) with the gaussian kernel and bw.nrd0 (or the given bandwidth). */
export function density(values: ArrayLike<number>, opts: { n?: number; bw?: number; cut?: number } = {}): Density | null {
  const x: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) x.push(values[i]);
  const nx = x.length;
  if (nx < 2) return null;
  const nUser = opts.n ?? 512;
  const bw = opts.bw ?? bwNrd0(x);
  if (!(bw > 0)) return null;
  const cut = opts.cut ?? 3;
  let n = Math.max(nUser, 512);
  if (n > 512) n = 2 ** Math.ceil(Math.log2(n));
  let mn = Infinity, mx = -Infinity;
  for (const v of x) (mn = Math.min(mn, v)), (mx = Math.max(mx, v));
  const from = mn - cut * bw;
  const to = mx + cut * bw;
  const lo = from - 4 * bw;
  const up = to + 4 * bw;
  // C_BinDist: linear binning with weights 1/nx on n points over [lo, up]
  const y = new Float64Array(2 * n);
  const xdelta = (up - lo) / (n - 1);
  const w = 1 / nx;
  const ixmax = n - 2;
  for (const v of x) {
    const xpos = (v - lo) / xdelta;
    const ix = Math.floor(xpos);
    const fx = xpos - ix;
    if (ix >= 0 && ix <= ixmax) {
      y[ix] += w * (1 - fx);
      y[ix + 1] += w * fx;
    } else if (ix === -1) y[0] += w * fx;
    else if (ix === ixmax + 1) y[ix] += w * (1 - fx);
  }
  // kernel at lags 0..n-1 on R's kords grid seq(0, 2 (up - lo), length.out = 2n)
  const kstep = (2 * (up - lo)) / (2 * n - 1);
  const kern = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    const u = (d * kstep) / bw;
    kern[d] = Math.exp(-0.5 * u * u) / (bw * SQRT_2PI);
  }
  const dens = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let j = 0; j < n; j++) if (y[j] !== 0) s += y[j] * kern[Math.abs(j - k)];
    dens[k] = Math.max(0, s);
  }
  const xords = seqLength(lo, up, n);
  const xout = seqLength(from, to, nUser);
  // approx(xords, dens, xout): linear interpolation on the regular grid
  const yout = xout.map((v) => {
    let j = Math.floor((v - lo) / xdelta);
    if (j < 0) j = 0;
    if (j > n - 2) j = n - 2;
    while (j > 0 && xords[j] > v) j--;
    while (j < n - 2 && xords[j + 1] < v) j++;
    const x0 = xords[j], x1 = xords[j + 1];
    if (v === x1) return dens[j + 1];
    return dens[j] + ((dens[j + 1] - dens[j]) * (v - x0)) / (x1 - x0);
  });
  return { x: xout, y: yout, bw, n: nx };
}
