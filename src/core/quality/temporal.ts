/**
 * Shared by the temporal checks: the tables whose rows are events of a patient (patient key and
 * a main time column), and the patient table's birth and death columns.
 */
import type { RegistryManifest, RegistryTable } from '../registry/types';
import { countSql, ident, lifeDateColumn, literal, patientIdSql, patientTable, recordIdSql, timeSql, type ViolationQuery } from './sql';

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

/**
 * One violation query per event table: rows whose main time falls on the wrong side of the
 * patient's birth or death date. `wrong(when, life)` is the SQL condition of a violation; `en`
 * and `zh` word the detail ("after death", "晚于死亡日期").
 */
export function lifeDateQueries(
  manifest: RegistryManifest,
  life: { table: RegistryTable },
  column: string,
  wrong: (when: string, life: string) => string,
  words: { en: string; zh: string },
): ViolationQuery[] {
  const date = `CAST(p.${ident(column)} AS DATE)`;
  return eventTables(manifest).map((table) => {
    const when = timeSql(table, 'x');
    return {
      table: table.name,
      column: table.time_columns[0],
      checkedSql: countSql(table, `${ident(table.time_columns[0])} IS NOT NULL`),
      violationsSql: `SELECT ${recordIdSql(table, 'x')} AS record_id, ${patientIdSql(table, 'x')} AS patient_id, ${when} AS value, ${when} AS time,
          ${literal(table.name + ' dated ')} || CAST(${when} AS VARCHAR) || ${literal(` ${words.en} `)} || CAST(${date} AS VARCHAR) AS detail_en,
          ${literal(table.name + ' 日期 ')} || CAST(${when} AS VARCHAR) || ${literal(` ${words.zh} `)} || CAST(${date} AS VARCHAR) AS detail_zh
        FROM ${ident(table.name)} x JOIN ${ident(life.table.name)} p ON p.${ident(life.table.patient_key)} = x.${ident(table.patient_key)}
        WHERE ${date} IS NOT NULL AND ${wrong(when, date)}`,
    };
  });
}
