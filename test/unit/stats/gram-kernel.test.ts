import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAM_CHUNK, gramKernel } from '$core/stats/gram';
import { GRAM_WASM } from '$core/stats/wasm/gram-wasm';
import { compileWat } from '../../../scripts/wasm-compile.mjs';

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** Σ w C'C, in plain loops, for k columns (w: one weight per row, or none). */
function reference(cols: Float64Array[], k: number, w?: Float64Array): Float64Array {
  const G = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let t = 0; t < cols[0].length; t++) s += (w ? w[t] : 1) * cols[a][t] * cols[b][t];
      G[a * k + b] = s;
    }
  return G;
}

describe('gram kernel (WebAssembly SIMD and its JavaScript fallback)', () => {
  it('is the SIMD build here (Node has WebAssembly SIMD), compiled from the committed gram.wat', async () => {
    const bytes = await compileWat('gram.wat', readFileSync(new URL('../../../src/core/stats/wasm/gram.wat', import.meta.url), 'utf8'));
    expect(Buffer.from(bytes).toString('base64')).toBe(GRAM_WASM); // else: npm run build:wasm
    expect(WebAssembly.validate(bytes)).toBe(true);
  });

  for (const useWasm of [true, false]) {
    for (const weighted of [false, 'irls', 'signed'] as const) {
      it(`${useWasm ? 'wasm' : 'js'}${weighted ? `, ${weighted} weights` : ''}: the upper triangle of Σ C'${weighted ? 'WC' : 'C'} over chunks, odd row counts, 2 to 24 columns`, () => {
        const r = lcg(7);
        for (const k of [2, 4, 6, 12, 24]) {
          // 2 full chunks and an odd remainder: the kernel pads the last chunk with a zero row
          const n = 2 * GRAM_CHUNK + 37;
          const cols = Array.from({ length: k }, () => Float64Array.from({ length: n }, () => r() * 10));
          // weights as IRLS makes them (positive, some zero) or as cox.zph (either sign)
          const w = weighted === 'irls'
            ? Float64Array.from({ length: n }, (_, i) => (i % 17 === 0 ? 0 : r() + 0.5))
            : weighted === 'signed' ? Float64Array.from({ length: n }, () => r() * 2) : undefined;
          const gram = gramKernel(k, useWasm);
          for (let i0 = 0; i0 < n; i0 += GRAM_CHUNK) {
            const nb = Math.min(GRAM_CHUNK, n - i0);
            for (let j = 0; j < k; j++) gram.chunk.set(cols[j].subarray(i0, i0 + nb), j * GRAM_CHUNK);
            if (w) gram.weights.set(w.subarray(i0, i0 + nb));
            gram.accumulate(nb);
          }
          const want = reference(cols, k, w);
          for (let a = 0; a < k; a++)
            for (let b = 0; b < k; b++) {
              if (b < a) expect(gram.G[a * k + b]).toBe(0);
              else expect(Math.abs(gram.G[a * k + b] - want[a * k + b])).toBeLessThan(1e-10 * (1 + Math.abs(want[a * k + b])));
            }
        }
      });
    }
  }

  it('refuses an odd column count (the caller pads with a zero column)', () => {
    expect(() => gramKernel(3)).toThrow(/even/);
  });
});
