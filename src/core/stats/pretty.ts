/**
 * R's pretty() (base::pretty.default over the C routine R_pretty in src/appl/pretty.c,
 * R 4.2) and the pieces of graphics::hist.default built on it: nclass.Sturges,
 * the break points and the bin counts.
 *
 * Outline of the algorithm: the range [lo, hi] is divided into about n cells; the cell
 * width is rounded to a "unit" of 1, 2, 5 or 10 times a power of ten (biased towards the
 * larger unit by high.u.bias and towards 5 by u5.bias); the covering integer multiples of
 * that unit give the breaks, widened symmetrically when fewer than min.n cells result.
 */
import { median } from './descriptive';

export interface PrettyOptions {
  /** Desired number of intervals (R's n, default 5). */
  n?: number;
  /** Minimal number of intervals (R's min.n, default n %/% 3). */
  minN?: number;
  shrinkSml?: number;
  highUBias?: number;
  u5Bias?: number;
  /** R's f.min, default 2^-20. */
  fMin?: number;
}

const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = Number.MAX_VALUE;
const ROUNDING_EPS = 1e-10;
const MAX_F = 1.25;

interface PrettyBounds {
  lo: number;
  up: number;
  ndiv: number;
  unit: number;
}

/** The core of R_pretty with return_bounds = TRUE: the covering bounds, cell count and unit. */
export function prettyBounds(lo: number, up: number, opts: PrettyOptions = {}): PrettyBounds {
  const ndivIn = opts.n ?? 5;
  const minN = opts.minN ?? Math.floor(ndivIn / 3);
  const shrink = opts.shrinkSml ?? 0.75;
  const h = opts.highUBias ?? 1.5;
  const h5 = opts.u5Bias ?? 0.5 + 1.5 * h;
  const fMin = opts.fMin ?? 2 ** -20;

  const dx = up - lo;
  let cell: number;
  let small: boolean;
  if (dx === 0 && up === 0) {
    cell = 1;
    small = true;
  } else {
    cell = Math.max(Math.abs(lo), Math.abs(up));
    // upper bound on cell/unit, times ndiv and the machine epsilon; the range counts as
    // "small" (numerically zero) when it is below three times that relative size.
    const uBound = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
    small = dx < cell * uBound * Math.max(1, ndivIn) * DBL_EPSILON * 3;
  }

  if (small) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= shrink;
    if (minN > 1) cell /= minN;
  } else {
    cell = dx;
    if (ndivIn > 1) cell /= ndivIn;
  }
  const tiny = fMin * DBL_MIN > 0 ? fMin * DBL_MIN : DBL_MIN;
  if (cell < tiny) cell = tiny;
  else if (cell > DBL_MAX / MAX_F) cell = DBL_MAX / MAX_F;

  // 10^e correctly rounded, as C's pow(10, e); V8's Math.pow(10, -4) is off by one ulp.
  const base = Number(`1e${Math.floor(Math.log10(cell))}`);
  // Choose the unit among 1, 2, 5, 10 x base: step up while the next candidate's excess
  // over the cell is smaller than the bias times the current unit's shortfall.
  let unit = base;
  if (2 * base - cell < h * (cell - unit)) {
    unit = 2 * base;
    if (5 * base - cell < h5 * (cell - unit)) {
      unit = 5 * base;
      if (10 * base - cell < h * (cell - unit)) unit = 10 * base;
    }
  }

  let ns = Math.floor(lo / unit + ROUNDING_EPS);
  let nu = Math.ceil(up / unit - ROUNDING_EPS);
  while (ns * unit > lo + ROUNDING_EPS * unit) ns--;
  while (nu * unit < up - ROUNDING_EPS * unit) nu++;

  let k = Math.trunc(0.5 + nu - ns);
  let ndiv: number;
  if (k < minN) {
    // widen to exactly minN cells, the extra cells split between the two ends
    k = minN - k;
    const half = Math.floor(k / 2);
    if (ns >= 0) {
      nu += half;
      ns -= half + (k % 2);
    } else {
      ns -= half;
      nu += half + (k % 2);
    }
    ndiv = minN;
  } else {
    ndiv = k;
  }
  // the bounds always cover the original range
  const outLo = ns * unit < lo ? ns * unit : lo;
  const outUp = nu * unit > up ? nu * unit : up;
  return { lo: outLo, up: outUp, ndiv, unit };
}

/** R's seq.int(from, to, length.out = len): filled from both ends, endpoints exact. */
export function seqLength(from: number, to: number, len: number): number[] {
  const out = new Array<number>(len);
  if (len > 0) out[0] = from;
  if (len > 1) out[len - 1] = to;
  if (len > 2) {
    const by = (to - from) / (len - 1);
    const halfLen = Math.floor(len / 2);
    for (let i = 1; i < len - 1; i++) out[i] = i < halfLen ? from + i * by : to - (len - 1 - i) * by;
  }
  return out;
}

/** R's pretty(x, n, min.n, ...) for the finite values of x. */
export function pretty(x: ArrayLike<number>, opts: PrettyOptions = {}): number[] {
  let lo = Infinity;
  let up = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > up) up = v;
    }
  }
  if (lo === Infinity) return [];
  const z = prettyBounds(lo, up, opts);
  const s = seqLength(z.lo, z.up, z.ndiv + 1);
  if (z.ndiv > 0) {
    // zap values that are zero up to rounding from the sequence arithmetic
    const delta = (z.up - z.lo) / z.ndiv;
    for (let i = 0; i < s.length; i++) if (Math.abs(s[i]) < 1e-14 * delta) s[i] = 0;
  }
  return s;
}

/** Sturges' number of classes, ceiling(log2(n) + 1) (grDevices::nclass.Sturges). */
export function nclassSturges(n: number): number {
  return Math.ceil(Math.log2(n) + 1);
}

export interface Histogram {
  breaks: number[];
  counts: number[];
  density: number[];
  mids: number[];
}

/**
 * The break points R's hist(x) uses: `bins` = 0 means Sturges' rule; either way the
 * count is only a suggestion passed to pretty(range(x), n = bins, min.n = 1).
 */
export function histBreaks(x: ArrayLike<number>, bins = 0): number[] {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) n++;
  const k = bins > 0 ? Math.min(bins, 1e6) : nclassSturges(n);
  return pretty(x, { n: k, minN: 1 });
}

/**
 * Counts of x in the bins (breaks[i], breaks[i+1]] (right = TRUE), the first bin closed on
 * the left (include.lowest = TRUE), with R's fuzz of 1e-7 times a typical bin width so that
 * values sitting on a break up to rounding fall in the bin they would fall in exactly.
 * Non-finite values are ignored. `rangeWidth` is diff(range(x)) (used for R's fuzz when
 * there are at most 3 breaks); it defaults to the range of x.
 */
export function histCounts(x: ArrayLike<number>, breaks: number[], rangeWidth?: number): number[] {
  const nB = breaks.length;
  const widths: number[] = [];
  for (let i = 1; i < nB; i++) widths.push(breaks[i] - breaks[i - 1]);
  let diddle: number;
  if (nB > 5) diddle = 1e-7 * median(widths);
  else if (nB <= 3) {
    let w = rangeWidth;
    if (w === undefined) {
      let lo = Infinity;
      let up = -Infinity;
      for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) {
        if (x[i] < lo) lo = x[i];
        if (x[i] > up) up = x[i];
      }
      w = up - lo;
    }
    diddle = 1e-7 * w;
  } else {
    let m = Infinity;
    for (const w of widths) if (w > 0 && w < m) m = w;
    diddle = 1e-7 * m;
  }
  const fb = breaks.map((b, i) => b + (i === 0 ? -diddle : diddle));
  const counts = new Array<number>(Math.max(0, nB - 1)).fill(0);
  const last = nB - 1;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) continue;
    if (!(fb[0] <= v && (v < fb[last] || v === fb[last]))) continue;
    let lo = 0;
    let hi = last;
    while (hi - lo >= 2) {
      const mid = (hi + lo) >> 1;
      if (v > fb[mid]) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** R's hist(x, breaks = bins, plot = FALSE) with right = TRUE, include.lowest = TRUE. */
export function histogram(x: ArrayLike<number>, bins = 0, breaks?: number[]): Histogram {
  const br = breaks ?? histBreaks(x, bins);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) n++;
  const counts = histCounts(x, br);
  const density: number[] = [];
  const mids: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    density.push(counts[i] / (n * (br[i + 1] - br[i])));
    mids.push(0.5 * (br[i + 1] + br[i]));
  }
  return { breaks: br, counts, density, mids };
}
