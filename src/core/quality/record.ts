/**
 * Drill-down from a finding to its record: the row itself and, when the row carries provenance
 * (note id and a character span, as the manifest's provenance describes), the source note with
 * the span, so the physician sees the sentence where the value was documented.
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import { toJsonRows, type JsonCell } from '../engine/rows';
import { UserError } from '../errors';
import type { RegistryManifest } from '../registry/types';
import { recordIdSql, tableOf } from './sql';

export interface QualityRecord {
  table: string;
  record_id: string;
  row: Record<string, JsonCell>;
  note: { note_id: JsonCell; text: string; span_start: number | null; span_end: number | null } | null;
}

export async function qualityRecord(conn: Connector, manifest: RegistryManifest, tableName: string, recordId: string): Promise<QualityRecord> {
  const table = tableOf(manifest, tableName);
  if (!table) {
    throw new UserError('data', 'unknown_table', { en: `There is no table "${tableName}" in this registry.`, zh: `此登记库中没有数据表"${tableName}"。` });
  }
  const [row] = toJsonRows(await conn.query(`SELECT * FROM ${ident(table.name)} WHERE ${recordIdSql(table)} = ${literal(recordId)} LIMIT 1`));
  if (!row) {
    throw new UserError('data', 'no_record', { en: `There is no record ${recordId} in ${tableName}.`, zh: `${tableName} 中没有记录 ${recordId}。` });
  }
  const p = manifest.provenance;
  let note: QualityRecord['note'] = null;
  if (p) {
    const isNote = table.name === p.note_table;
    const noteId = isNote ? row[p.note_id_column] : row[p.note_id_column] ?? row.note_id;
    if (noteId !== undefined && noteId !== null) {
      const [n] = toJsonRows(await conn.query(
        `SELECT CAST(${ident(p.text_column)} AS VARCHAR) AS text FROM ${ident(p.note_table)} WHERE CAST(${ident(p.note_id_column)} AS VARCHAR) = ${literal(String(noteId))} LIMIT 1`,
      ));
      if (n) {
        const s = typeof row.span_start === 'number' && !isNote ? row.span_start : null;
        const e = typeof row.span_end === 'number' && !isNote ? row.span_end : null;
        note = { note_id: noteId, text: String(n.text ?? ''), span_start: s, span_end: e };
      }
    }
  }
  return { table: table.name, record_id: recordId, row, note };
}
