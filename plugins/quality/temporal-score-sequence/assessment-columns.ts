/**
 * Which tables of a registry hold scored assessments, and which of their columns are the scale,
 * the score, the timepoint, the time and the visit. Read from column names and types only, the
 * way manifests name them; a table without a scale column is not an assessment table (a lab table
 * with test_name/value is left to the lab checks).
 */
import type { RegistryManifest, RegistryTable } from '$core/registry/types';

export interface AssessmentColumns {
  table: RegistryTable;
  scale: string;
  score: string;
  /** Column naming the moment of care (admission, discharge, ...), if any. */
  timepoint?: string;
  /** The assessment's date or date-time, if any. */
  time?: string;
  /** Whether `time` carries a time of day (same-time comparisons on a date alone are too coarse). */
  timeOfDay: boolean;
  /** Foreign key to the visit/encounter, so pairs are taken within one stay. */
  visit?: string;
}

const SCALE = /(^|_)(scale|instrument|questionnaire)($|_)|^(score_name|assessment|assessment_name|assessment_type)$/i;
const SCORE = /(^|_)score($|_)|^(value|total|points|result_value)$/i;
const TIMEPOINT = /(^|_)time_?point($|_)|^(phase|assessment_phase)$/i;
const TIME = /(assess|score|eval|date|time|_at$)/i;
const VISIT = /(visit|encounter|admission|stay|episode)/i;

export function assessmentTables(manifest: RegistryManifest): AssessmentColumns[] {
  const out: AssessmentColumns[] = [];
  for (const table of manifest.tables) {
    if (!table.patient_key) continue;
    const scale = table.columns.find((c) => SCALE.test(c.name) && (c.type === 'categorical' || c.type === 'text'));
    const score = table.columns.find((c) => SCORE.test(c.name) && (c.type === 'integer' || c.type === 'numeric'));
    if (!scale || !score) continue;
    const timepoint = table.columns.find((c) => TIMEPOINT.test(c.name) && c !== scale)?.name;
    const timeCol = table.columns.find((c) => c.name === table.time_columns[0]) ??
      table.columns.find((c) => (c.type === 'date' || c.type === 'datetime') && TIME.test(c.name));
    const visit = table.foreign_keys.find((f) => VISIT.test(f.column) || VISIT.test(f.references.table))?.column;
    out.push({ table, scale: scale.name, score: score.name, timepoint, time: timeCol?.name, timeOfDay: timeCol?.type === 'datetime', visit });
  }
  return out;
}

/** SQL: whether a timepoint value says admission / discharge (English and Chinese). */
export function isAdmissionSql(expr: string): string {
  return `regexp_matches(lower(trim(CAST(${expr} AS VARCHAR))), '^((on|at)[ _-]?)?(admission|admit|admitted|arrival)|^入院')`;
}
export function isDischargeSql(expr: string): string {
  return `regexp_matches(lower(trim(CAST(${expr} AS VARCHAR))), '^((on|at)[ _-]?)?discharge|^出院')`;
}
