/**
 * One patient's whole history on one time axis: every timed row of every table that links to
 * the patient, labs and vitals as series for small multiples, the notes, and the spans of note
 * text that derived variables cite (provenance).
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import { toJsonRows, type JsonCell } from '../engine/rows';
import { UserError } from '../errors';
import type { RegistryManifest, RegistryTable } from './types';
import { catalogueVariables } from './validate';

export interface TimelineEvent {
  table: string;
  /** ISO date or date-time of the event (the table's first time column). */
  time: string;
  /** End of an interval (e.g. a medication's stop date) when the table has a second time column. */
  end: string | null;
  /** A short description from the row's most telling column. */
  label: string;
  row: Record<string, JsonCell>;
}

export interface TimelineSeries {
  table: string;
  name: string;
  unit: string | null;
  points: { time: string; value: number }[];
}

export interface ProvenanceSpan {
  variable: string;
  value: JsonCell;
  note_id: JsonCell;
  span_start: number;
  span_end: number;
}

export interface PatientTimeline {
  patient: Record<string, JsonCell>;
  events: TimelineEvent[];
  series: TimelineSeries[];
  notes: { note_id: JsonCell; time: string; type: string; text: string }[];
  spans: ProvenanceSpan[];
}

/** Columns tried, in order, for an event's label. */
const LABEL_COLUMNS = ['description', 'drug_name', 'proc_name', 'test_name', 'vital_name', 'visit_type', 'scale', 'note_type', 'modality', 'outcome', 'fu_type', 'specimen_type', 'attribute'];
/** Tables whose numeric value column becomes a series, keyed by their name column. */
const SERIES: Record<string, { name: string; value: string; unit?: string }> = {
  lab_result: { name: 'test_name', value: 'value', unit: 'unit' },
  vital_sign: { name: 'vital_name', value: 'value', unit: 'unit' },
  nursing_assessment: { name: 'scale', value: 'score' },
};

function labelOf(table: RegistryTable, row: Record<string, JsonCell>): string {
  const names = table.columns.map((c) => c.name);
  const parts = LABEL_COLUMNS.filter((c) => names.includes(c) && row[c] !== null).slice(0, 2).map((c) => String(row[c]));
  return parts.join(' · ') || table.name;
}

export async function patientTimeline(conn: Connector, manifest: RegistryManifest, patientId: string | number): Promise<PatientTimeline> {
  const id = typeof patientId === 'number' ? String(patientId) : literal(patientId);
  const patientTable = manifest.tables.find((t) => t.name === 'patient');
  const patientRows = patientTable
    ? toJsonRows(await conn.query(`SELECT * FROM ${ident(patientTable.name)} WHERE ${ident(patientTable.patient_key)} = ${id}`))
    : [];
  if (patientTable && patientRows.length === 0) {
    throw new UserError('data', 'no_patient', { en: `There is no patient ${patientId} in this registry.`, zh: `该登记库中没有患者 ${patientId}。` });
  }
  const events: TimelineEvent[] = [];
  const series = new Map<string, TimelineSeries>();
  for (const table of manifest.tables) {
    if (!table.patient_key || table.time_columns.length === 0 || table.name === 'patient') continue;
    const [start, end] = table.time_columns;
    const rows = toJsonRows(await conn.query(
      `SELECT * FROM ${ident(table.name)} WHERE ${ident(table.patient_key)} = ${id} AND ${ident(start)} IS NOT NULL ORDER BY ${ident(start)}`,
    ));
    const s = SERIES[table.name];
    for (const row of rows) {
      events.push({ table: table.name, time: String(row[start]), end: end && row[end] !== null ? String(row[end]) : null, label: labelOf(table, row), row });
      if (s && typeof row[s.value] === 'number') {
        const name = String(row[s.name]);
        const key = `${table.name}:${name}`;
        if (!series.has(key)) series.set(key, { table: table.name, name, unit: s.unit ? (row[s.unit] as string | null) : null, points: [] });
        series.get(key)!.points.push({ time: String(row[start]), value: row[s.value] as number });
      }
    }
  }
  events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));

  const p = manifest.provenance;
  const notes = p
    ? toJsonRows(await conn.query(`SELECT * FROM ${ident(p.note_table)} WHERE patient_id = ${id}`)).map((r) => ({
        note_id: r[p.note_id_column],
        time: String(r.note_date ?? ''),
        type: String(r.note_type ?? ''),
        text: String(r[p.text_column] ?? ''),
      }))
    : [];
  const spans: ProvenanceSpan[] = [];
  if (p) {
    for (const node of catalogueVariables(manifest.catalogue)) {
      const sql = node.variable!.sql;
      if (!/\bspan_start\b/.test(sql)) continue;
      const rows = toJsonRows(await conn.query(
        `SELECT value, note_id, span_start, span_end FROM (${sql}) AS v WHERE patient_id = ${id} AND note_id IS NOT NULL`,
      ));
      for (const r of rows) spans.push({ variable: node.id, value: r.value, note_id: r.note_id, span_start: Number(r.span_start), span_end: Number(r.span_end) });
    }
  }
  return { patient: patientRows[0] ?? {}, events, series: [...series.values()], notes, spans };
}
