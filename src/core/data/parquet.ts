/**
 * Parquet via hyparquet (with hyparquet-compressors for snappy, gzip, zstd, brotli, lz4), read
 * column by column (onChunk: no row objects) into a typed Arrow table built buffer by buffer
 * (arrow-columns.ts): the file's integer and
 * floating-point types kept (a DOUBLE column stays numeric even when its values are whole), booleans as Bool,
 * DATE as DateDay, timestamps as milliseconds, everything else as text. Only text columns then go
 * through type inference, so a registry's Parquet tables load without a text round trip.
 */
import { Table, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import { boolColumn, dateDayColumn, float64Column, int32Column, int64Column, timestampMsColumn, utf8Column } from './arrow-columns';
import { UserError } from '../errors';
import { fixColumnNames } from './names';

function notParquet(fileName: string, detail?: string): UserError {
  return new UserError('data', 'bad_parquet', {
    en: `"${fileName}" is not a valid Parquet file${detail ? ` (${detail})` : ''}.`,
    zh: `"${fileName}"不是有效的 Parquet 文件${detail ? `（${detail}）` : ''}。`,
  });
}

interface TopColumn {
  name: string;
  type?: string;
  logical?: string;
  converted?: string;
}

type Kind = 'int32' | 'int64' | 'number' | 'boolean' | 'date' | 'timestamp' | 'text';

/** A BYTE_ARRAY column without a text annotation: its bytes need not be UTF-8. */
function isBinary(c: TopColumn): boolean {
  return c.type === 'BYTE_ARRAY' && c.converted !== 'UTF8' && c.converted !== 'ENUM' && c.converted !== 'JSON' && !['STRING', 'ENUM', 'JSON'].includes(c.logical ?? '');
}

function kindOf(c: TopColumn): Kind {
  if (c.logical === 'DATE' || c.converted === 'DATE') return 'date';
  if (c.logical === 'TIMESTAMP' || c.converted === 'TIMESTAMP_MILLIS' || c.converted === 'TIMESTAMP_MICROS' || c.type === 'INT96') return 'timestamp';
  if (c.type === 'BOOLEAN') return 'boolean';
  if (c.logical === 'DECIMAL' || c.converted === 'DECIMAL') return 'number';
  if (c.type === 'INT32') return 'int32';
  if (c.type === 'INT64') return 'int64';
  if (c.type === 'FLOAT' || c.type === 'DOUBLE') return 'number';
  return 'text';
}

/** Text of a value that is not already UTF-8 bytes or a string (decimals as text, nested values as JSON). */
function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Raw bytes of an un-annotated BYTE_ARRAY column may not be UTF-8: decode them leniently. */
const lenient = new TextDecoder();
function binaryToText(v: unknown): unknown {
  return v instanceof Uint8Array ? lenient.decode(v) : v;
}

function vectorOf(kind: Kind, values: unknown[], binary: boolean): Vector<DataType> {
  switch (kind) {
    case 'int32':
      return int32Column(values);
    case 'int64':
      return int64Column(values);
    case 'number':
      return float64Column(values);
    case 'boolean':
      return boolColumn(values);
    case 'date':
      return dateDayColumn(values);
    case 'timestamp':
      return timestampMsColumn(values);
    default:
      return utf8Column(binary ? values.map(binaryToText) : values, toText);
  }
}

/**
 * hyparquet's value parsers, replaced so that no per-value objects are made: text stays as its
 * UTF-8 bytes (copied straight into the Arrow buffer), dates as day numbers, timestamps as
 * epoch milliseconds.
 */
const PARSERS = {
  stringFromBytes: (bytes: Uint8Array) => bytes,
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1000000n),
};

/** Rows decoded and handed to DuckDB at a time: whole row groups, merged up to about this many. */
const BATCH_ROWS = 100_000;

/**
 * Reads the Parquet file batch by batch (whole row groups) and hands each batch to `insert` as
 * an Arrow IPC stream of typed columns (`first` is true for the first one), so memory holds at
 * most two batches, not the whole decoded file. Returns the column names used.
 */
export async function readParquet(
  bytes: Uint8Array,
  fileName: string,
  insert: (ipc: Uint8Array, first: boolean) => Promise<void>,
): Promise<{ names: string[] }> {
  const { parquetMetadata, parquetRead } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(ab);
  } catch (e) {
    throw notParquet(fileName, e instanceof Error ? e.message : undefined);
  }
  // Top-level columns: children of the root schema element, in order.
  const schema = metadata.schema;
  const top: TopColumn[] = [];
  const skip = (idx: number): number => {
    let next = idx + 1;
    for (let c = 0; c < (schema[idx].num_children ?? 0); c++) next = skip(next);
    return next;
  };
  for (let i = 1; i < schema.length; i = skip(i)) {
    const el = schema[i];
    top.push({ name: el.name, type: el.type, logical: (el.logical_type as { type?: string } | undefined)?.type, converted: el.converted_type });
  }
  const rows = Number(metadata.num_rows);
  if (rows === 0) {
    throw new UserError('data', 'no_rows', { en: `The Parquet file "${fileName}" has no rows.`, zh: `Parquet 文件"${fileName}"没有数据行。` });
  }
  const names = fixColumnNames(top.map((t) => t.name));
  const kinds = top.map(kindOf);
  // Row-group boundaries, merged into batches of about BATCH_ROWS rows.
  const ranges: [number, number][] = [];
  let at = 0;
  for (const rg of metadata.row_groups) {
    const n = Number(rg.num_rows);
    const last = ranges.at(-1);
    if (last && last[1] - last[0] + n <= BATCH_ROWS) last[1] += n;
    else ranges.push([at, at + n]);
    at += n;
  }
  // Decoding the next batch overlaps with DuckDB ingesting the previous one (in the browser
  // DuckDB runs in its own worker), so at most two batches are in memory at a time.
  let ingesting: Promise<void> = Promise.resolve();
  for (const [i, [from, to]] of ranges.entries()) {
    const data = new Map<string, unknown[]>(top.map((c) => [c.name, new Array(to - from).fill(null)]));
    try {
      await parquetRead({
        file: ab,
        metadata,
        compressors,
        parsers: PARSERS,
        rowStart: from,
        rowEnd: to,
        onChunk({ columnName, columnData, rowStart }) {
          const target = data.get(columnName);
          if (!target) return;
          for (let k = 0; k < columnData.length; k++) {
            const row = rowStart + k;
            if (row >= from && row < to) target[row - from] = columnData[k];
          }
        },
      });
    } catch (e) {
      await ingesting.catch(() => {});
      throw notParquet(fileName, e instanceof Error ? e.message : undefined);
    }
    const columns: Record<string, Vector<DataType>> = {};
    top.forEach((c, j) => (columns[names[j]] = vectorOf(kinds[j], data.get(c.name)!, isBinary(c))));
    const ipc = tableToIPC(new Table(columns), 'stream');
    await ingesting;
    ingesting = insert(ipc, i === 0);
    // Marked handled now; the failure is rethrown by the next `await ingesting`.
    ingesting.catch(() => {});
  }
  await ingesting;
  return { names };
}
