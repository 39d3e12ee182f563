/**
 * Parquet via hyparquet (with hyparquet-compressors for snappy, gzip, zstd, brotli, lz4).
 * Top-level columns are read to JavaScript values, then to text with type hints from the values
 * and the Parquet schema (INT32/INT64 -> integer, FLOAT/DOUBLE/DECIMAL -> numeric, DATE -> date,
 * timestamps -> datetime; strings are inferred like CSV text; nested values become JSON text).
 */
import { UserError } from '../errors';
import { fixColumnNames } from './names';
import { hintFromValues, textOrNull, valueText, type TextColumns } from './text-columns';

function notParquet(fileName: string, detail?: string): UserError {
  return new UserError('data', 'bad_parquet', {
    en: `"${fileName}" is not a valid Parquet file${detail ? ` (${detail})` : ''}.`,
    zh: `"${fileName}"不是有效的 Parquet 文件${detail ? `（${detail}）` : ''}。`,
  });
}

export async function readParquet(bytes: Uint8Array, fileName: string): Promise<TextColumns> {
  const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  let rows: Record<string, unknown>[];
  try {
    metadata = parquetMetadata(ab);
    rows = (await parquetReadObjects({ file: ab, metadata, compressors })) as Record<string, unknown>[];
  } catch (e) {
    throw notParquet(fileName, e instanceof Error ? e.message : undefined);
  }
  // Top-level columns: children of the root schema element, in order.
  const schema = metadata.schema;
  const top: { name: string; type?: string; logical?: string; converted?: string }[] = [];
  let i = 1;
  const skip = (idx: number): number => {
    let next = idx + 1;
    for (let c = 0; c < (schema[idx].num_children ?? 0); c++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    const el = schema[i];
    top.push({
      name: el.name,
      type: el.type,
      logical: (el.logical_type as { type?: string } | undefined)?.type,
      converted: el.converted_type,
    });
    i = skip(i);
  }
  if (rows.length === 0) {
    throw new UserError('data', 'no_rows', {
      en: `The Parquet file "${fileName}" has no rows.`,
      zh: `Parquet 文件"${fileName}"没有数据行。`,
    });
  }
  const names = fixColumnNames(top.map((t) => t.name));
  const values: (string | null)[][] = [];
  const hints = top.map((t, c) => {
    const raw = rows.map((r) => r[t.name]);
    values.push(raw.map((v) => textOrNull(valueText(v))));
    const integerSource = (t.type === 'INT32' || t.type === 'INT64') && t.logical !== 'DECIMAL' && t.converted !== 'DECIMAL';
    const dateOnly = t.logical === 'DATE' || t.converted === 'DATE';
    void c;
    return hintFromValues(raw, integerSource, dateOnly);
  });
  return { names, values, hints };
}
