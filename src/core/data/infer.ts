/**
 * Measurement-type inference over the raw text table, in two aggregate queries:
 *  1. on the first SAMPLE_ROWS rows, count for every column how many values convert to each
 *     type, and take the most specific type all sampled values convert to (a candidate);
 *  2. over the whole column, count the values that fail the candidate's conversion (and its
 *     fallbacks: integer -> numeric, date -> datetime) plus the number of distinct values.
 * So the result holds for every value, while the expensive multi-type checks only run on a sample.
 *
 * Order of preference: integer, numeric, boolean, date, datetime, then text.
 * "0"/"1" are numbers, so a 0/1 column is integer (boolean needs true/false, yes/no, y/n, t/f, 是/否).
 * Text is categorical when it has few distinct values: at most 20, or at most 200 and no more than
 * 5% of the non-missing values (so 1,000 patients in 3 arms is categorical, 1,000 free-text notes
 * are not, and a 1,000,000-row column never becomes a 50,000-level factor).
 * A column with no non-missing values is text.
 */
import { ident, type Connector } from '../engine/connector';
import type { MeasureType } from '../plugin/types';
import { castColumn } from './casts';

export const SAMPLE_ROWS = 10_000;
const TRIED: MeasureType[] = ['integer', 'numeric', 'boolean', 'date', 'datetime'];
const FALLBACK: Partial<Record<MeasureType, MeasureType[]>> = {
  integer: ['integer', 'numeric'],
  numeric: ['numeric'],
  boolean: ['boolean'],
  date: ['date', 'datetime'],
  datetime: ['datetime'],
};

export function isCategorical(distinct: number, nonMissing: number): boolean {
  return distinct <= 20 || (distinct <= 200 && distinct <= 0.05 * nonMissing);
}

export interface ColumnStats {
  type: MeasureType;
  nonMissing: number;
  distinct: number;
}

/**
 * Infers the type of each raw column. `hints` (from typed sources: Excel dates, Parquet numbers)
 * replace the sample step for their column but are still verified over the whole column.
 */
export async function inferTypes(
  conn: Connector,
  raw: string,
  columns: string[],
  hints: (MeasureType | null)[] = [],
): Promise<ColumnStats[]> {
  if (columns.length === 0) return [];
  const candidates: (MeasureType | null)[] = columns.map((_, i) => hints[i] ?? null);
  const toSample = columns.map((c, i) => ({ c, i })).filter(({ i }) => candidates[i] === null);

  if (toSample.length) {
    const exprs: string[] = [];
    toSample.forEach(({ c }, k) => {
      exprs.push(`count(${ident(c)}) AS n${k}`);
      for (const t of TRIED) exprs.push(`count(${castColumn(c, t)}) AS ${t}${k}`);
    });
    const res = await conn.query(`SELECT ${exprs.join(', ')} FROM (SELECT * FROM ${ident(raw)} LIMIT ${SAMPLE_ROWS})`);
    const row = res.get(0)!.toJSON() as Record<string, number | bigint>;
    toSample.forEach(({ i }, k) => {
      const n = Number(row[`n${k}`]);
      if (n === 0) {
        candidates[i] = 'unknown' as MeasureType; // all missing in the sample: try everything on the full column
        return;
      }
      candidates[i] = TRIED.find((t) => Number(row[`${t}${k}`]) === n) ?? 'text';
    });
  }

  const exprs: string[] = [];
  const chains: MeasureType[][] = columns.map((c, i) => {
    const cand = candidates[i] as string;
    if (cand === 'unknown') return TRIED;
    return FALLBACK[cand as MeasureType] ?? [];
  });
  columns.forEach((c, i) => {
    exprs.push(`count(${ident(c)}) AS n${i}`);
    exprs.push(`approx_count_distinct(trim(${ident(c)})) AS d${i}`);
    chains[i].forEach((t, j) => exprs.push(`count(${ident(c)}) - count(${castColumn(c, t)}) AS f${i}_${j}`));
  });
  const res = await conn.query(`SELECT ${exprs.join(', ')} FROM ${ident(raw)}`);
  const row = res.get(0)!.toJSON() as Record<string, number | bigint>;
  return columns.map((_, i) => {
    const nonMissing = Number(row[`n${i}`]);
    const distinct = Number(row[`d${i}`]);
    let type: MeasureType | undefined;
    if (nonMissing > 0) type = chains[i].find((_, j) => Number(row[`f${i}_${j}`]) === 0);
    if (!type) type = nonMissing > 0 && isCategorical(distinct, nonMissing) ? 'categorical' : 'text';
    return { type, nonMissing, distinct };
  });
}
