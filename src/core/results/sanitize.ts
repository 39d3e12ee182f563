/**
 * Results never hold NaN or Infinity (JSON cannot, and a physician cannot read them):
 * such cells become null, and the table gets a note saying which cells and why, unless the
 * plugin already explained it.
 */
import type { CellValue, ResultTable } from './types';

export function sanitizeTable(table: ResultTable): ResultTable {
  const undefinedCells: string[] = [];
  const rows = table.rows.map((row, i) => {
    const out: Record<string, CellValue> = {};
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        out[key] = null;
        undefinedCells.push(`${key} (row ${i + 1})`);
      } else {
        out[key] = value ?? null;
      }
    }
    return out;
  });
  const notes = [...(table.notes ?? [])];
  const notesZh = [...(table.notes_zh ?? [])];
  if (undefinedCells.length > 0 && notes.length === 0) {
    const cells = `${undefinedCells.slice(0, 10).join(', ')}${undefinedCells.length > 10 ? ', …' : ''}`;
    notes.push(`Not computable (shown as —): ${cells}.`);
    notesZh.push(`无法计算（显示为 —）：${cells}。`);
  }
  return { ...table, rows, ...(notes.length ? { notes } : {}), ...(notesZh.length ? { notes_zh: notesZh } : {}) };
}

/** Replaces non-finite numbers anywhere in a JSON-like value with null. */
export function finiteOrNull<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? value : null) as T;
  if (Array.isArray(value)) return value.map(finiteOrNull) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = finiteOrNull(v);
    return out as T;
  }
  return value;
}
