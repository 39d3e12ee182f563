/**
 * Root of f in [lower, upper] by Brent's method: a port of R's R_zeroin2 as called by
 * uniroot(f, lower, upper, f.lower, f.upper, tol, maxiter = 1000). Following R's steps (not
 * just its answer) lets estimates found by root search (Hodges-Lehmann CIs, conditional MLE
 * odds ratios) agree with R to far better than the tolerance.
 */
const DBL_EPSILON = 2.220446049250313e-16;

export interface UnirootOptions {
  /** f(lower) and f(upper) when already known (R's f.lower, f.upper). */
  fLower?: number;
  fUpper?: number;
  /** R's default: .Machine$double.eps^0.25. */
  tol?: number;
  maxiter?: number;
}

export function uniroot(f: (x: number) => number, lower: number, upper: number, options: UnirootOptions = {}): number {
  const { tol = Math.pow(DBL_EPSILON, 0.25), maxiter = 1000 } = options;
  const fLower = options.fLower ?? f(lower);
  const fUpper = options.fUpper ?? f(upper);
  if (!(lower < upper)) throw new Error('uniroot: lower < upper is not fulfilled');
  if (Number.isNaN(fLower) || Number.isNaN(fUpper)) throw new Error('uniroot: f() value at an end point is NA');
  if (fLower * fUpper > 0) throw new Error('uniroot: f() values at end points not of opposite sign');
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  let c = a;
  let fc = fa;
  let it = maxiter + 1;
  if (fa === 0) return a;
  if (fb === 0) return b;
  while (it--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * DBL_EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1.0 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
        q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
