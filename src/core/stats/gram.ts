/**
 * Cross-products of a block of columns, the cost centre of least squares (lm, glm's IRLS):
 * G += C' C for a chunk C of rows held column by column (column k at offset k·stride, `rows`
 * values each). Two columns against four at a time: each pass over the chunk keeps eight sums
 * in registers, six loads per eight multiply-adds, and the chunk stays in cache (a few hundred rows of
 * a few dozen columns), so a million-row design streams through memory once per use.
 *
 * The sums are formed per chunk and then added to G (blocked summation: as accurate as one
 * long running sum, usually more).
 */

import { GRAM_WASM } from './wasm/gram-wasm';

/** Rows per chunk: the chunk of a 40-column design (2 × 40 × 512 × 8 bytes) stays in L2. */
export const GRAM_CHUNK = 512;

/**
 * G (k × k, row-major, upper triangle only) += C'C, C = chunk[col * stride + t], t < rows,
 * col < k. k must be even (pad with a zero column).
 */
export function gramAccumulate(chunk: Float64Array, stride: number, rows: number, k: number, G: Float64Array): void {
  for (let a = 0; a < k; a += 2) {
    const oa0 = a * stride;
    const oa1 = oa0 + stride;
    let b = a;
    // two columns against four: eight sums, six loads per eight multiply-adds
    for (; b + 4 <= k; b += 4) {
      const ob0 = b * stride;
      const ob1 = ob0 + stride;
      const ob2 = ob1 + stride;
      const ob3 = ob2 + stride;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let t = 0; t < rows; t++) {
        const xa0 = chunk[oa0 + t];
        const xa1 = chunk[oa1 + t];
        const x0 = chunk[ob0 + t];
        const x1 = chunk[ob1 + t];
        const x2 = chunk[ob2 + t];
        const x3 = chunk[ob3 + t];
        s00 += xa0 * x0;
        s01 += xa0 * x1;
        s02 += xa0 * x2;
        s03 += xa0 * x3;
        s10 += xa1 * x0;
        s11 += xa1 * x1;
        s12 += xa1 * x2;
        s13 += xa1 * x3;
      }
      const ga = a * k + b;
      G[ga] += s00;
      G[ga + 1] += s01;
      G[ga + 2] += s02;
      G[ga + 3] += s03;
      if (b > a) G[ga + k] += s10; // (a + 1, a) is below the diagonal: skipped
      G[ga + k + 1] += s11;
      G[ga + k + 2] += s12;
      G[ga + k + 3] += s13;
    }
    for (; b < k; b += 2) {
      const ob0 = b * stride;
      const ob1 = ob0 + stride;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let t = 0; t < rows; t++) {
        const xa0 = chunk[oa0 + t];
        const xa1 = chunk[oa1 + t];
        const xb0 = chunk[ob0 + t];
        const xb1 = chunk[ob1 + t];
        s00 += xa0 * xb0;
        s01 += xa0 * xb1;
        s10 += xa1 * xb0;
        s11 += xa1 * xb1;
      }
      const ga = a * k + b;
      G[ga] += s00;
      G[ga + 1] += s01;
      if (b > a) G[ga + k] += s10;
      G[ga + k + 1] += s11;
    }
  }
}

/**
 * A place to accumulate G = Σ C' diag(w) C chunk by chunk: fill `chunk` (column j at
 * j · GRAM_CHUNK, up to GRAM_CHUNK rows) and, for weighted sums, `weights` (one per row; all 1
 * unless set), call accumulate(rows), repeat; G holds the upper triangle.
 */
export interface GramKernel {
  readonly chunk: Float64Array;
  readonly weights: Float64Array;
  readonly G: Float64Array;
  accumulate(rows: number): void;
}

let simdModule: WebAssembly.Module | null | undefined;

/** The compiled SIMD kernel, or null where WebAssembly SIMD is not available. */
function gramModule(): WebAssembly.Module | null {
  if (simdModule === undefined) {
    const bytes = Uint8Array.from(atob(GRAM_WASM), (c) => c.charCodeAt(0));
    simdModule = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return simdModule;
}

/**
 * A GramKernel for k columns (k even): the WebAssembly SIMD kernel (wasm/gram.wat, two rows per
 * instruction: measured 1.6-2.4x faster than gramAccumulate on 1,000,000 rows) with chunk,
 * weights and G in its memory, so filling the chunk is the only copy; gramAccumulate where
 * SIMD is missing. The two sum in a different order (pairs of rows, then the pair; weights
 * applied as w·x_a·x_b or as √w·x_a·√w·x_b), so results agree to rounding. Weights may be
 * negative.
 */
export function gramKernel(k: number, useWasm = true): GramKernel {
  if (k % 2 !== 0) throw new Error(`gramKernel: k must be even (${k})`);
  const CH = GRAM_CHUNK;
  const module = useWasm ? gramModule() : null;
  if (!module) {
    const chunk = new Float64Array(k * CH);
    const weights = new Float64Array(CH).fill(1);
    const G = new Float64Array(k * k);
    const scaled = new Float64Array(k * CH);
    const negative = new Float64Array(k * k);
    // rows scaled by √w⁺ (or √w⁻): Σ w x x' = Σ (√w⁺ x)(√w⁺ x)' − Σ (√w⁻ x)(√w⁻ x)', since
    // weights can be negative (cox.zph weighs by a centred g(t))
    const scale = (rows: number, sign: 1 | -1) => {
      for (let j = 0; j < k; j++) {
        const o = j * CH;
        for (let t = 0; t < rows; t++) scaled[o + t] = chunk[o + t] * Math.sqrt(Math.max(sign * weights[t], 0));
      }
    };
    return {
      chunk,
      weights,
      G,
      accumulate(rows) {
        let weighted = false;
        let anyNegative = false;
        for (let t = 0; t < rows; t++) {
          if (weights[t] !== 1) weighted = true;
          if (weights[t] < 0) anyNegative = true;
        }
        if (!weighted) return gramAccumulate(chunk, CH, rows, k, G);
        scale(rows, 1);
        gramAccumulate(scaled, CH, rows, k, G);
        if (!anyNegative) return;
        scale(rows, -1);
        negative.fill(0);
        gramAccumulate(scaled, CH, rows, k, negative);
        for (let i = 0; i < k * k; i++) G[i] -= negative[i];
      },
    };
  }
  const instance = new WebAssembly.Instance(module);
  const memory = instance.exports.memory as WebAssembly.Memory;
  const gAt = k * CH * 8;
  const wAt = gAt + k * k * 8;
  const pages = Math.ceil((wAt + CH * 8) / 65536);
  if (pages > 1) memory.grow(pages - 1);
  const chunk = new Float64Array(memory.buffer, 0, k * CH);
  const G = new Float64Array(memory.buffer, gAt, k * k);
  const weights = new Float64Array(memory.buffer, wAt, CH).fill(1);
  const gram = instance.exports.gram as (c: number, stride: number, rows: number, k: number, g: number, w: number) => void;
  return {
    chunk,
    weights,
    G,
    accumulate(rows) {
      if (rows & 1) {
        // the kernel takes rows in pairs: a zero row adds nothing
        for (let j = 0; j < k; j++) chunk[j * CH + rows] = 0;
        rows++;
      }
      gram(0, CH, rows, k, gAt, wAt);
    },
  };
}

/** Rows r0 .. r0 + nb − 1 of the row-major xr (p columns) into a chunk, column by column. */
export function transposeRows(xr: Float64Array, p: number, r0: number, nb: number, chunk: Float64Array): void {
  // column by column: the chunk's columns lie 4 KB apart, and writing a row across them at
  // once hit the same cache set each time (measured 3x slower)
  for (let a = 0; a < p; a++) {
    const o = a * GRAM_CHUNK;
    for (let t = 0, i = r0 * p + a; t < nb; t++, i += p) chunk[o + t] = xr[i];
  }
}

/**
 * Σ_i weight_i x_i x_i' over `rows` rows of p columns (p × p, upper triangle filled; weights
 * null: all 1), `fill` copying rows r0 .. r0 + nb − 1 into the chunk (column a at a · GRAM_CHUNK).
 */
export function weightedGram(fill: (chunk: Float64Array, r0: number, nb: number) => void, p: number, rows: number, weight: Float64Array | null): Float64Array {
  const K = p % 2 === 0 ? p : p + 1;
  const gram = gramKernel(K);
  const { chunk, weights, G } = gram;
  const CH = GRAM_CHUNK;
  for (let i0 = 0; i0 < rows; i0 += CH) {
    const nb = Math.min(CH, rows - i0);
    fill(chunk, i0, nb);
    if (weight) weights.set(weight.subarray(i0, i0 + nb));
    gram.accumulate(nb);
  }
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = a; b < p; b++) out[a * p + b] = G[a * K + b];
  return out;
}
