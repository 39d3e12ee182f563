/**
 * A typed doorway to the few jstat functions the kernels use (jstat ships no types).
 */
// @ts-ignore jstat ships no type declarations (ignore rather than expect-error, in case some are added)
import jStatModule from 'jstat';

interface JStatLike {
  ibeta(x: number, a: number, b: number): number | false;
}

const js: JStatLike = ((jStatModule as { jStat?: JStatLike }).jStat ?? jStatModule) as JStatLike;

/** Regularised incomplete beta function I_x(a, b). */
export function ibeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const v = js.ibeta(x, a, b);
  return v === false ? NaN : v;
}
