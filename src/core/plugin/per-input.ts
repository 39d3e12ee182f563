/**
 * Computes a plugin's preparation of its input once per run. The runner calls validate(input)
 * and then run(ctx, input), and run validates again before it computes; preparations that
 * convert million-row columns (an outcome to 0/1, covariates to a design) would otherwise be
 * done two or three times. Keyed by the input object, so nothing outlives the run.
 */
import type { RunInput } from './types';

export function perInput<T>(prepare: (input: RunInput) => T): (input: RunInput) => T {
  const cache = new WeakMap<RunInput, T>();
  return (input) => {
    if (!cache.has(input)) cache.set(input, prepare(input));
    return cache.get(input)!;
  };
}
