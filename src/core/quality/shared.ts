/**
 * The run's memo. Some scans serve several checks (the outlier and unit-error checks read the
 * same per-code quartiles; the hard and soft range checks count the same rows): the first check
 * to ask computes, later ones of the same run share the promise. The data cannot change within a
 * run, so a key that names what was computed is enough. A failure is not kept: the next check
 * asks again and reports its own error.
 */
import type { QualityCheckContext } from './types';

export function shared<T>(ctx: Pick<QualityCheckContext, 'shared'>, key: string, compute: () => Promise<T>): Promise<T> {
  let p = ctx.shared.get(key) as Promise<T> | undefined;
  if (!p) {
    p = compute();
    ctx.shared.set(key, p);
    p.catch(() => ctx.shared.delete(key));
  }
  return p;
}
