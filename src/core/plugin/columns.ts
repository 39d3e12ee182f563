/**
 * Pulls the columns a plugin needs out of DuckDB and into typed arrays, batch by batch
 * (never row objects): numerics as Float64Array with NaN for missing, categories as sorted
 * levels plus Int32Array codes with -1 for missing. SQL does the casting so that this code
 * only ever sees DOUBLE or VARCHAR.
 */
import { makeVector, type Data, type Table } from 'apache-arrow';
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
  return readNumericChecked(table, index).values;
}

/**
 * readNumeric, also telling whether any value may be missing (null or NaN; an infinity also
 * answers true), so that listwise deletion can skip a column without missing values.
 */
export function readNumericChecked(table: Table, index: number): { values: Float64Array; missing: boolean } {
  return readAll(new NumericReader(table.numRows), table, index);
}

/**
 * `a` itself when it has room for `n` more values after `used`, else a copy of its first `used`
 * values in a bigger array (more rows than counted: the readers never fail on it).
 */
function withRoom<T extends Float64Array | Int32Array>(a: T, used: number, n: number): T {
  if (used + n <= a.length) return a;
  const grown = new (a.constructor as new (length: number) => T)(Math.max(used + n, 2 * a.length));
  grown.set(a.subarray(0, used));
  return grown;
}

/** Column `index` of every batch of `table`, through a batch reader. */
function readAll<T>(reader: { push(data: Data): void; finish(): T }, table: Table, index: number): T {
  for (const batch of table.batches) reader.push(batch.data.children[index]);
  return reader.finish();
}

/**
 * A DOUBLE column copied batch by batch into one Float64Array (NaN = missing), as the batches
 * arrive (a streamed result is never held whole). Each batch is checked for missing values
 * right after its copy, while it is in cache.
 */
export class NumericReader {
  private out: Float64Array;
  private offset = 0;
  private missing = false;

  /** `capacity`: the rows expected (the array grows if more come). */
  constructor(capacity: number) {
    this.out = new Float64Array(capacity);
  }

  push(data: Data): void {
    const n = data.length;
    const offset = this.offset;
    const out = (this.out = withRoom(this.out, offset, n));
    const values = data.values as Float64Array;
    if (data.nullCount === 0) {
      out.set(values.subarray(0, n), offset);
      if (!this.missing) {
        // v * 0 is NaN for NaN (and for ±Infinity: then the column is merely checked value
        // by value in completeRows, which keeps infinities); four sums, no branch per value
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let i = offset;
        const e = offset + n;
        for (; i + 4 <= e; i += 4) {
          a0 += out[i] * 0;
          a1 += out[i + 1] * 0;
          a2 += out[i + 2] * 0;
          a3 += out[i + 3] * 0;
        }
        for (; i < e; i++) a0 += out[i] * 0;
        if (a0 + a1 + a2 + a3 !== 0) this.missing = true;
      }
    } else {
      this.missing = true;
      const bitmap = data.nullBitmap!;
      const bitOffset = data.offset;
      for (let i = 0; i < n; i++) {
        const bit = bitOffset + i;
        out[offset + i] = (bitmap[bit >> 3] >> (bit & 7)) & 1 ? values[i] : NaN;
      }
    }
    this.offset = offset + n;
  }

  finish(): { values: Float64Array; missing: boolean } {
    const values = this.offset === this.out.length ? this.out : this.out.slice(0, this.offset);
    return { values, missing: this.missing };
  }
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

/** A categorical column as read: per row an index into `dict` (first-seen order), -1 = missing. */
export interface CodedStrings {
  codes: Int32Array;
  dict: string[];
  /** Whether any row is missing (code -1). */
  missing?: boolean;
}

const utf8 = new TextDecoder();

/** Reads column `index` of an Arrow result of VARCHARs as dictionary codes (see CategoricalReader). */
export function readCategorical(table: Table, index: number): CodedStrings {
  return readAll(new CategoricalReader(table.numRows), table, index);
}

/**
 * A VARCHAR column read batch by batch as dictionary codes, without a string per row: short
 * ASCII values (up to 6 bytes, as most category labels) are looked up by their bytes packed
 * into a number, others decoded and looked up by string.
 */
export class CategoricalReader {
  private codes: Int32Array;
  private offset = 0;
  private readonly dict: string[] = [];
  private readonly byString = new Map<string, number>();
  private readonly byBytes = new Map<number, number>();

  /** `capacity`: the rows expected (the array grows if more come). */
  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  private codeOf(v: string): number {
    let c = this.byString.get(v);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(v);
      this.byString.set(v, c);
    }
    return c;
  }

  push(data: Data): void {
    const n = data.length;
    const offset = this.offset;
    const codes = (this.codes = withRoom(this.codes, offset, n));
    this.offset = offset + n;
    const offsets = data.valueOffsets as Int32Array | undefined;
    if (data.offset !== 0 || !(offsets instanceof Int32Array)) {
      // not a plain Utf8 buffer: the generic accessor
      const vector = makeVector(data);
      for (let i = 0; i < n; i++) {
        const v = vector.get(i) as string | null;
        codes[offset + i] = v === null ? -1 : this.codeOf(v);
      }
      return;
    }
    const bytes = data.values as Uint8Array;
    const bitmap = data.nullCount > 0 ? data.nullBitmap : null;
    const byBytes = this.byBytes;
    for (let i = 0; i < n; i++) {
      if (bitmap && !((bitmap[i >> 3] >> (i & 7)) & 1)) {
        codes[offset + i] = -1;
        continue;
      }
      const s = offsets[i];
      const e = offsets[i + 1];
      const len = e - s;
      if (len <= 6) {
        let key = 0;
        let ascii = true;
        for (let k = e - 1; k >= s; k--) {
          const b = bytes[k];
          if (b >= 128) ascii = false;
          key = key * 256 + b;
        }
        if (ascii) {
          key = key * 8 + len;
          let c = byBytes.get(key);
          if (c === undefined) {
            c = this.codeOf(String.fromCharCode(...bytes.subarray(s, e)));
            byBytes.set(key, c);
          }
          codes[offset + i] = c;
          continue;
        }
      }
      codes[offset + i] = this.codeOf(utf8.decode(bytes.subarray(s, e)));
    }
  }

  finish(): CodedStrings {
    const codes = this.offset === this.codes.length ? this.codes : this.codes.slice(0, this.offset);
    let missing = false;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] < 0) {
        missing = true;
        break;
      }
    }
    return { codes, dict: this.dict, missing };
  }
}

/** As toCategorical, from dictionary codes: levels are the values among the kept rows, sorted. */
export function codedToCategorical(name: string, type: MeasureType, raw: CodedStrings, keep?: Uint8Array): CategoricalColumn {
  const { codes, dict } = raw;
  const used = new Uint8Array(dict.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0 && (!keep || keep[i])) used[c] = 1;
  }
  const levels = sortLevels(dict.filter((_, k) => used[k]), type);
  const index = new Map(levels.map((l, i) => [l, i]));
  const remap = Int32Array.from(dict, (v) => index.get(v) ?? -1);
  const count = keep ? countKept(keep) : codes.length;
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < codes.length; i++) {
    if (keep && !keep[i]) continue;
    const c = codes[i];
    out[j++] = c < 0 ? -1 : remap[c];
  }
  return { kind: 'categorical', name, type, levels, codes: out };
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

export type RawColumn =
  | { kind: 'numeric'; values: Float64Array; /** false when known to have no NaN (skipped by completeRows) */ missing?: boolean }
  | { kind: 'categorical'; values: (string | null)[] }
  | { kind: 'coded'; values: CodedStrings };

/** Whether listwise deletion can drop nothing: every column is known to have no missing value. */
export function noneMissing(columns: RawColumn[]): boolean {
  return columns.every((c) => (c.kind === 'numeric' ? c.missing === false : c.kind === 'coded' ? c.values.missing === false : false));
}

/** Marks rows with no missing value in any of the columns (listwise deletion). */
export function completeRows(columns: RawColumn[], rows: number): Uint8Array {
  const keep = new Uint8Array(rows).fill(1);
  for (const col of columns) {
    if (col.kind === 'numeric') {
      if (col.missing === false) continue;
      for (let i = 0; i < rows; i++) if (Number.isNaN(col.values[i])) keep[i] = 0;
    } else if (col.kind === 'coded') {
      if (col.values.missing === false) continue;
      const codes = col.values.codes;
      for (let i = 0; i < rows; i++) if (codes[i] < 0) keep[i] = 0;
    } else {
      for (let i = 0; i < rows; i++) if (col.values[i] === null) keep[i] = 0;
    }
  }
  return keep;
}

export function finishColumn(name: string, type: MeasureType, raw: RawColumn, keep?: Uint8Array): ColumnData {
  if (raw.kind === 'numeric') return toNumeric(name, type, raw.values, keep);
  if (raw.kind === 'coded') return codedToCategorical(name, type, raw.values, keep);
  return toCategorical(name, type, raw.values, keep);
}
