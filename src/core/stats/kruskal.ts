/**
 * The Kruskal–Wallis rank sum test as R's kruskal.test: H from the groups' rank sums over the
 * average ranks of all observations, corrected for ties, against χ² on k − 1 df; ε² =
 * H (n + 1) / (n² − 1). Shared by compare.kruskal_wallis and describe.table1.
 */
import { chisqUpper } from './distributions';
import { rankAverage, tieCorrection } from './rank';

export interface KruskalWallis {
  statistic: number;
  df: number;
  p_value: number;
  epsilon_squared: number;
}

/**
 * H from the groups' sizes and rank sums (ranks over all N observations, `ties` their tie
 * groups). NaN statistic (and p) when every value is tied.
 */
export function kruskalFromRanks(n: number[], rankSum: number[], N: number, ties: number[]): KruskalWallis {
  const k = n.length;
  let s = 0;
  for (let j = 0; j < k; j++) s += (rankSum[j] * rankSum[j]) / n[j];
  const H = ((12 * s) / (N * (N + 1)) - 3 * (N + 1)) / (1 - tieCorrection(ties) / (N * N * N - N));
  const df = k - 1;
  return { statistic: H, df, p_value: chisqUpper(H, df), epsilon_squared: (H * (N + 1)) / (N * N - 1) };
}

export interface RankSums {
  ranks: Float64Array;
  ties: number[];
  /** Observations and rank sum per group. */
  n: number[];
  rankSum: number[];
}

/** Average ranks of `values` and each group's size and rank sum (codes 0..k − 1, all used). */
export function groupRankSums(values: Float64Array, codes: Int32Array, k: number): RankSums {
  const { ranks, ties } = rankAverage(values);
  const n = new Array<number>(k).fill(0);
  const rankSum = new Array<number>(k).fill(0);
  for (let i = 0; i < values.length; i++) {
    n[codes[i]]++;
    rankSum[codes[i]] += ranks[i];
  }
  return { ranks, ties, n, rankSum };
}

/**
 * kruskal.test on samples given group by group (empty groups dropped). null when the test
 * cannot be run: fewer than 2 non-empty groups or fewer than 3 observations.
 */
export function kruskalWallis(samples: ArrayLike<number>[]): KruskalWallis | null {
  const used = samples.filter((x) => x.length > 0);
  const N = used.reduce((s, x) => s + x.length, 0);
  if (used.length < 2 || N < 3) return null;
  const values = new Float64Array(N);
  const codes = new Int32Array(N);
  let pos = 0;
  used.forEach((x, j) => {
    for (let i = 0; i < x.length; i++) {
      values[pos] = x[i];
      codes[pos++] = j;
    }
  });
  const r = groupRankSums(values, codes, used.length);
  return kruskalFromRanks(r.n, r.rankSum, N, r.ties);
}
