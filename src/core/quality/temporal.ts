/**
 * Shared by the temporal checks: the tables whose rows are events of a patient (patient key and
 * a main time column), and the patient table's birth and death columns.
 */
import type { RegistryManifest, RegistryTable } from '../registry/types';
import { lifeDateColumn, patientTable } from './sql';

/**
 * Columns that time the documentation, not the clinical event: an expert annotating a note
 * after the patient died is normal (OMOP keeps event dates and record dates apart too).
 */
const RECORDING_TIME = /(annotat|entered|created|updated|modified|signed|audit|recorded_at|record_date)/i;

export function eventTables(manifest: RegistryManifest): RegistryTable[] {
  const p = patientTable(manifest);
  return manifest.tables.filter((t) => t !== p && t.patient_key && t.time_columns.length > 0 && !RECORDING_TIME.test(t.time_columns[0]));
}

export function lifeDates(manifest: RegistryManifest): { table: RegistryTable; birth?: string; death?: string } | null {
  const p = patientTable(manifest);
  if (!p) return null;
  return { table: p, birth: lifeDateColumn(p, 'birth'), death: lifeDateColumn(p, 'death') };
}
