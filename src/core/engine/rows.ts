/**
 * Arrow results as JSON-safe rows for display: BigInt becomes a number when it is exactly
 * representable and a string otherwise; dates become ISO text. (For analysis, columns are
 * read as typed arrays instead: see plugin/columns.ts.)
 */
import { DataType, type Table } from 'apache-arrow';

export type JsonCell = string | number | boolean | null;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const base = `${formatDate(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return d.getUTCMilliseconds() ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}

export function toJsonCell(value: unknown, type: DataType): JsonCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (DataType.isDate(type)) return formatDate(value instanceof Date ? value.getTime() : Number(value));
  if (DataType.isTimestamp(type)) return formatDateTime(value instanceof Date ? value.getTime() : Number(value));
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return formatDateTime(value.getTime());
  return String(value);
}

export function toJsonRows(table: Table): Record<string, JsonCell>[] {
  const fields = table.schema.fields;
  const rows: Record<string, JsonCell>[] = [];
  for (const batch of table.batches) {
    const vectors = fields.map((_, i) => batch.getChildAt(i)!);
    for (let r = 0; r < batch.numRows; r++) {
      const row: Record<string, JsonCell> = {};
      fields.forEach((f, i) => (row[f.name] = toJsonCell(vectors[i].get(r), f.type)));
      rows.push(row);
    }
  }
  return rows;
}
