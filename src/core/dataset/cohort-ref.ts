/**
 * Turns a dataset definition's cohort reference into a DuckDB cohort table (patient_id,
 * index_date, exit_date, exit_reason): an existing table, the built-in "All patients", or a
 * saved cohort definition materialised by the cohort builder. Shared by the worker and the CLI;
 * `ensure` loads the registry tables a step needs (all of them when `tables` is undefined).
 */
import type { Connector } from '../engine/connector';
import { CancelToken } from '../errors';
import { materializeCohort } from '../cohort/materialize';
import type { CohortDefinition } from '../cohort/types';
import type { RegistryManifest } from '../registry/types';
import { allPatientsTables, materializeAllPatients } from './all-patients';
import type { DatasetDefinition } from './types';

export async function materializeCohortRef(
  conn: Connector,
  manifest: RegistryManifest,
  def: DatasetDefinition,
  ensure: (tables?: string[]) => Promise<void>,
  token: CancelToken = new CancelToken(),
): Promise<string> {
  const table = `__ds_cohort_${def.name}`;
  const c = def.cohort;
  if (c.kind === 'table') return c.table;
  if (c.kind === 'all-patients') {
    await ensure(allPatientsTables(manifest));
    await materializeAllPatients(conn, manifest, table);
    return table;
  }
  // The cohort builder validates the definition and names the rule at fault.
  await ensure();
  await materializeCohort(conn, manifest, c.definition as CohortDefinition, table, token);
  return table;
}
