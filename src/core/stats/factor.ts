/**
 * Grouping helpers: any column handed to a plugin seen as an R factor (levels in sorted
 * order, integer codes, -1 for missing).
 */
import type { ColumnData } from '../plugin/types';

export interface Factor {
  levels: string[];
  /** Index into levels, -1 for a missing value. */
  codes: Int32Array;
}

/**
 * A column as a factor. Categorical columns keep their (sorted) levels. Numeric columns
 * (integer codes, booleans as 0/1) get their distinct values in numeric order as levels,
 * labelled as R prints them ("1", "2.5"; booleans "FALSE"/"TRUE"); NaN is missing.
 */
export function asFactor(col: ColumnData): Factor {
  if (col.kind === 'categorical') return { levels: col.levels, codes: col.codes };
  const vals = col.values;
  // Codes in first-seen order, then renumbered by sorted value: one look-up per row (none
  // when a row repeats the previous value), no per-row arrays or sets.
  const firstSeen = new Map<number, number>();
  const seen = new Int32Array(vals.length);
  let last = NaN;
  let lastCode = -1;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v !== v) {
      seen[i] = -1;
      continue;
    }
    if (v !== last) {
      let c = firstSeen.get(v);
      if (c === undefined) {
        c = firstSeen.size;
        firstSeen.set(v, c);
      }
      last = v;
      lastCode = c;
    }
    seen[i] = lastCode;
  }
  const uniq = [...firstSeen.keys()].sort((a, b) => a - b);
  const rank = new Int32Array(uniq.length);
  uniq.forEach((v, r) => (rank[firstSeen.get(v)!] = r));
  for (let i = 0; i < seen.length; i++) if (seen[i] >= 0) seen[i] = rank[seen[i]];
  const label = (v: number) => (col.type === 'boolean' && (v === 0 || v === 1) ? (v === 1 ? 'TRUE' : 'FALSE') : String(v));
  return { levels: uniq.map(label), codes: seen };
}

/**
 * Drops levels with no observations (R's droplevels) among the rows where `keep(i)` holds,
 * recoding the rest; rows not kept get -1.
 */
export function dropUnusedLevels(f: Factor, keep: (i: number) => boolean = () => true): Factor {
  const used = new Array<boolean>(f.levels.length).fill(false);
  for (let i = 0; i < f.codes.length; i++) if (f.codes[i] >= 0 && keep(i)) used[f.codes[i]] = true;
  const remap = new Int32Array(f.levels.length).fill(-1);
  const levels: string[] = [];
  used.forEach((u, j) => {
    if (u) {
      remap[j] = levels.length;
      levels.push(f.levels[j]);
    }
  });
  const codes = new Int32Array(f.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = f.codes[i] >= 0 && keep(i) ? remap[f.codes[i]] : -1;
  return { levels, codes };
}

/** The values of x split by factor level (rows with a missing code or NaN value are skipped). */
export function splitByLevel(x: ArrayLike<number>, f: Factor): Float64Array[] {
  const counts = new Array<number>(f.levels.length).fill(0);
  for (let i = 0; i < x.length; i++) if (f.codes[i] >= 0 && !Number.isNaN(x[i])) counts[f.codes[i]]++;
  const out = counts.map((c) => new Float64Array(c));
  const pos = new Array<number>(f.levels.length).fill(0);
  for (let i = 0; i < x.length; i++) {
    const c = f.codes[i];
    if (c >= 0 && !Number.isNaN(x[i])) out[c][pos[c]++] = x[i];
  }
  return out;
}
