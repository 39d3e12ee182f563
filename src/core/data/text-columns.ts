/**
 * Column-wise text data from JavaScript readers (Excel, JSON, Parquet) and how it reaches the
 * engine: an Arrow table of Utf8 columns, sent as an IPC stream in batches.
 */
import { Table, Utf8, vectorFromArray, tableToIPC, type Vector } from 'apache-arrow';
import type { Connector } from '../engine/connector';
import type { MeasureType } from '../plugin/types';
import type { CancelToken } from '../errors';
import { MISSING_TOKENS } from './casts';

export interface TextColumns {
  names: string[];
  /** values[c][r]: the cell as text, or null when missing. */
  values: (string | null)[][];
  /** Type known from the source (Excel date cells, Parquet numbers), or null to infer from text. */
  hints: (MeasureType | null)[];
}

const MISSING = new Set(MISSING_TOKENS);

/** The cell text, or null for missing tokens ('' NA N/A NULL null NaN . -, after trimming). */
export function textOrNull(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return MISSING.has(s.trim()) ? null : s;
}

const BATCH = 100_000;

/** Creates `table` with one VARCHAR column per name and fills it. */
export async function insertTextColumns(conn: Connector, table: string, data: TextColumns, cancel: CancelToken): Promise<void> {
  const rows = data.values[0]?.length ?? 0;
  for (let start = 0; start === 0 || start < rows; start += BATCH) {
    cancel.throwIfCancelled();
    const end = Math.min(rows, start + BATCH);
    const cols: Record<string, Vector<Utf8>> = {};
    data.names.forEach((n, i) => {
      cols[n] = vectorFromArray(data.values[i].slice(start, end), new Utf8());
    });
    const ipc = tableToIPC(new Table(cols), 'stream');
    await conn.insertArrowIPC(table, ipc, start === 0);
    if (end >= rows) break;
  }
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * A date as ISO text without zone, read in UTC (Excel and Parquet dates arrive as UTC wall-clock
 * times): "2023-01-05" at midnight, else "2023-01-05 08:30:00" (with ".123" when there are milliseconds).
 */
export function dateText(d: Date, dateOnly = false): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours(), m = d.getUTCMinutes(), s = d.getUTCSeconds(), ms = d.getUTCMilliseconds();
  if (dateOnly || (!h && !m && !s && !ms)) return date;
  return `${date} ${pad(h)}:${pad(m)}:${pad(s)}${ms ? '.' + pad(ms, 3) : ''}`;
}

/** Any JavaScript value from a typed source as text (objects and lists as JSON). */
export function valueText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dateText(v) || null;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  } catch {
    return String(v);
  }
}

/**
 * The measurement type a column's JavaScript values make clear, or null (strings: infer from text).
 * Whole numbers from an integer source are integer; other numbers numeric; Date values date when all
 * at midnight (or `dateOnly`), else datetime; objects/lists text.
 */
export function hintFromValues(values: unknown[], integerSource: boolean, dateOnly = false): MeasureType | null {
  let kind: string | null = null;
  let allMidnight = true;
  let allWhole = true;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    let k: string;
    if (typeof v === 'number') {
      k = 'number';
      if (!Number.isInteger(v)) allWhole = false;
    } else if (typeof v === 'bigint') k = 'number';
    else if (typeof v === 'boolean') k = 'boolean';
    else if (v instanceof Date) {
      k = 'date';
      if (v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() || v.getUTCMilliseconds()) allMidnight = false;
    } else if (typeof v === 'string') return null;
    else k = 'object';
    if (kind === null) kind = k;
    else if (kind !== k) return null;
  }
  switch (kind) {
    case 'number':
      return integerSource && allWhole ? 'integer' : 'numeric';
    case 'boolean':
      return 'boolean';
    case 'date':
      return dateOnly || allMidnight ? 'date' : 'datetime';
    case 'object':
      return 'text';
    default:
      return null;
  }
}
