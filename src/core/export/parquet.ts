/**
 * Parquet export (hyparquet-writer, loaded on demand): typed columns (INT32/INT64, DOUBLE,
 * BOOLEAN, UTF8, DATE, TIMESTAMP in ms) so R's arrow::read_parquet and pandas get the types back.
 */
import type { SchemaElement } from 'hyparquet-writer';
import type { DatasetColumn } from '../dataset/types';
import type { ExportTable } from './types';

const DAY_MS = 86_400_000;

function schemaOf(c: DatasetColumn, values: unknown[]): Omit<SchemaElement, 'name'> {
  switch (c.type) {
    case 'integer': {
      const fits = values.every((v) => v === null || (typeof v === 'number' && Math.abs(v) < 2 ** 31));
      return fits ? { type: 'INT32' } : { type: 'DOUBLE' };
    }
    case 'numeric':
      return { type: 'DOUBLE' };
    case 'boolean':
      return { type: 'BOOLEAN' };
    case 'date':
      return { type: 'INT32', converted_type: 'DATE' };
    case 'datetime':
      return { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
    default:
      return { type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  }
}

function convert(c: DatasetColumn, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'date':
      return Math.round(Date.parse(`${String(v).slice(0, 10)}T00:00:00Z`) / DAY_MS);
    case 'datetime':
      return BigInt(Date.parse(`${String(v).replace(/Z$/, '')}Z`));
    case 'integer':
    case 'numeric':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return Boolean(v);
    default:
      return String(v);
  }
}

export async function toParquet(t: ExportTable): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const schema: SchemaElement[] = [{ name: 'root', num_children: t.columns.length }];
  const columnData = t.columns.map((c) => {
    const raw = t.rows.map((r) => r[c.name] ?? null);
    schema.push({ name: c.name, ...schemaOf(c, raw), repetition_type: 'OPTIONAL' });
    return { name: c.name, data: raw.map((v) => convert(c, v)) };
  });
  // Integers kept as INT32 only when they fit; others were declared DOUBLE above.
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, codec: 'SNAPPY', createdBy: 'ClinStat Workbench' }));
}
