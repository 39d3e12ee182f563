/**
 * The built-in cohort "All patients": every patient of the registry, index = the registry's
 * index date, so the dataset builder works without the cohort builder. Follow-up ends at the
 * earliest of death (patient.death_date) and the patient's last follow-up record (end of data);
 * a last record saying "lost" makes the reason a censoring event. Same columns as
 * src/core/cohort/materialize.ts: patient_id, index_date, exit_date, exit_reason.
 */
import { ident } from '../engine/connector';
import type { Connector } from '../engine/connector';
import { UserError } from '../errors';
import type { RegistryManifest } from '../registry/types';

/** Tables the built-in cohort reads. */
export function allPatientsTables(manifest: RegistryManifest): string[] {
  return manifest.tables.filter((t) => t.name === 'patient' || t.name === 'follow_up').map((t) => t.name);
}

export function allPatientsSql(manifest: RegistryManifest): string {
  const patient = manifest.tables.find((t) => t.name === 'patient');
  const has = (col: string) => !!patient?.columns.some((c) => c.name === col);
  if (!patient || !has('index_date')) {
    throw new UserError('data', 'no_index_date', {
      en: 'This registry has no patient table with an index_date column, so "All patients" cannot be used. Build a cohort in the Cohorts view first.',
      zh: '该登记库没有含 index_date 列的 patient 表，无法使用"全部患者"。请先在"队列"视图中建立队列。',
    });
  }
  const pk = ident(patient.patient_key || 'patient_id');
  const death = has('death_date') ? 'CAST(p.death_date AS DATE)' : 'CAST(NULL AS DATE)';
  const fu = manifest.tables.find((t) => t.name === 'follow_up');
  let last = 'CAST(NULL AS DATE)';
  let lost = 'false';
  let join = '';
  if (fu && fu.time_columns.length) {
    const times = fu.time_columns.map((c) => `CAST(${ident(c)} AS DATE)`);
    const lastExpr = times.length > 1 ? `greatest(${times.join(', ')})` : times[0];
    const outcomeCol = fu.columns.find((c) => c.name === 'outcome' || c.name === 'status');
    // "Lost" is read from the last follow-up record only: a later contact means the patient came back.
    const lostExpr = outcomeCol ? `arg_max(CAST(${ident(outcomeCol.name)} AS VARCHAR), ${lastExpr}) LIKE 'lost%'` : 'false';
    join = `LEFT JOIN (SELECT ${ident(fu.patient_key || 'patient_id')} AS pid, max(${lastExpr}) AS last, ${lostExpr} AS lost FROM ${ident(fu.name)} GROUP BY 1) f ON f.pid = p.${pk}`;
    last = 'f.last';
    lost = 'coalesce(f.lost, false)';
  }
  // Without any follow-up record, data end at the latest index date of the registry.
  const end = `coalesce(${last}, (SELECT max(CAST(index_date AS DATE)) FROM ${ident(patient.name)}))`;
  return `SELECT p.${pk} AS patient_id, CAST(p.index_date AS DATE) AS index_date,
    CASE WHEN ${death} IS NOT NULL AND ${death} <= ${end} THEN ${death} ELSE ${end} END AS exit_date,
    CASE WHEN ${death} IS NOT NULL AND ${death} <= ${end} THEN 'death' WHEN ${lost} THEN 'censoring_event' ELSE 'end_of_data' END AS exit_reason
    FROM ${ident(patient.name)} p ${join} WHERE p.index_date IS NOT NULL`;
}

export async function materializeAllPatients(conn: Connector, manifest: RegistryManifest, table: string): Promise<{ table: string; count: number }> {
  await conn.query(`CREATE OR REPLACE TABLE ${ident(table)} AS ${allPatientsSql(manifest)}`);
  const n = (await conn.query(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`)).get(0)!.toJSON().n as number;
  return { table, count: n };
}
