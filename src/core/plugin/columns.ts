/**
 * Pulls the columns a plugin needs out of DuckDB and into typed arrays, batch by batch
 * (never row objects): numerics as Float64Array with NaN for missing, categories as sorted
 * levels plus Int32Array codes with -1 for missing. SQL does the casting so that this code
 * only ever sees DOUBLE or VARCHAR.
 */
import type { Table } from 'apache-arrow';
import { ident } from '../engine/connector';
import type { CategoricalColumn, ColumnData, MeasureType, NumericColumn } from './types';

export type Representation = 'numeric' | 'categorical';

/** A column's storage (DuckDB) type and measurement type. */
export interface ColumnType {
  sqlType: string;
  type: MeasureType;
}

/** SQL expression that yields DOUBLE (numeric) or VARCHAR (categorical) for a column. */
export function selectExpression(column: string, type: ColumnType, as: Representation): string {
  const c = ident(column);
  if (as === 'numeric') {
    if (type.type === 'date') return `(epoch_ms(CAST(${c} AS TIMESTAMP)))::DOUBLE`;
    if (type.type === 'datetime') return `(epoch_ms(${c}))::DOUBLE`;
    if (type.type === 'boolean') return `CAST(CAST(${c} AS BOOLEAN) AS DOUBLE)`;
    return `TRY_CAST(${c} AS DOUBLE)`;
  }
  // R prints logicals as TRUE/FALSE; factor levels follow that spelling.
  if (type.sqlType.toUpperCase() === 'BOOLEAN') return `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} THEN 'TRUE' ELSE 'FALSE' END`;
  if (type.type === 'date') return `strftime(CAST(${c} AS DATE), '%Y-%m-%d')`;
  // Whole numbers as R prints them ("1", not DuckDB's "1.0"), so factor levels match R's.
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/i.test(type.sqlType)) {
    return `CASE WHEN ${c} = round(${c}) AND abs(${c}) < 1e15 THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) ELSE CAST(${c} AS VARCHAR) END`;
  }
  return `CAST(${c} AS VARCHAR)`;
}

/** Reads column `index` of an Arrow result of DOUBLEs into a Float64Array (NaN = missing). */
export function readNumeric(table: Table, index: number): Float64Array {
  const out = new Float64Array(table.numRows);
  let offset = 0;
  for (const batch of table.batches) {
    const data = batch.getChildAt(index)!.data[0];
    const values = data.values as Float64Array;
    const n = data.length;
    if (data.nullCount === 0) {
      out.set(values.subarray(0, n), offset);
    } else {
      const bitmap = data.nullBitmap!;
      const bitOffset = data.offset;
      for (let i = 0; i < n; i++) {
        const bit = bitOffset + i;
        out[offset + i] = (bitmap[bit >> 3] >> (bit & 7)) & 1 ? values[i] : NaN;
      }
    }
    offset += n;
  }
  return out;
}

/** Reads column `index` of an Arrow result of VARCHARs into raw strings (null = missing). */
export function readStrings(table: Table, index: number): (string | null)[] {
  const out: (string | null)[] = new Array(table.numRows);
  let offset = 0;
  for (const batch of table.batches) {
    const vector = batch.getChildAt(index)!;
    for (let i = 0; i < vector.length; i++) out[offset + i] = vector.get(i) as string | null;
    offset += vector.length;
  }
  return out;
}

/** Sorts levels as R's factor() does for the column's type: numerically for numbers, else by code point. */
export function sortLevels(levels: string[], type: MeasureType): string[] {
  if (type === 'integer' || type === 'numeric') return levels.sort((a, b) => Number(a) - Number(b));
  return levels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Encodes raw strings as a factor; `keep` (optional) marks rows kept after listwise deletion. */
export function toCategorical(name: string, type: MeasureType, raw: (string | null)[], keep?: Uint8Array): CategoricalColumn {
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (v !== null && (!keep || keep[i])) seen.add(v);
  }
  const levels = sortLevels([...seen], type);
  const index = new Map(levels.map((l, i) => [l, i]));
  const count = keep ? countKept(keep) : raw.length;
  const codes = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    if (keep && !keep[i]) continue;
    const v = raw[i];
    codes[j++] = v === null ? -1 : index.get(v)!;
  }
  return { kind: 'categorical', name, type, levels, codes };
}

export function toNumeric(name: string, type: MeasureType, values: Float64Array, keep?: Uint8Array): NumericColumn {
  if (!keep) return { kind: 'numeric', name, type, values };
  const out = new Float64Array(countKept(keep));
  let j = 0;
  for (let i = 0; i < values.length; i++) if (keep[i]) out[j++] = values[i];
  return { kind: 'numeric', name, type, values: out };
}

export function countKept(keep: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < keep.length; i++) n += keep[i];
  return n;
}

export type RawColumn = { kind: 'numeric'; values: Float64Array } | { kind: 'categorical'; values: (string | null)[] };

/** Marks rows with no missing value in any of the columns (listwise deletion). */
export function completeRows(columns: RawColumn[], rows: number): Uint8Array {
  const keep = new Uint8Array(rows).fill(1);
  for (const col of columns) {
    if (col.kind === 'numeric') {
      for (let i = 0; i < rows; i++) if (Number.isNaN(col.values[i])) keep[i] = 0;
    } else {
      for (let i = 0; i < rows; i++) if (col.values[i] === null) keep[i] = 0;
    }
  }
  return keep;
}

export function finishColumn(name: string, type: MeasureType, raw: RawColumn, keep?: Uint8Array): ColumnData {
  return raw.kind === 'numeric' ? toNumeric(name, type, raw.values, keep) : toCategorical(name, type, raw.values, keep);
}
