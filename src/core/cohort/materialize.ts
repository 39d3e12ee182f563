/**
 * Creates (or replaces) a DuckDB table holding a cohort: one row per patient with patient_id (the
 * registry's patient key type), index_date DATE, exit_date DATE and exit_reason
 * ('death' | 'end_of_data' | 'censoring_event' | 'window_end'). Other features (analysis
 * datasets) build on this table. The definition's tables must be loaded (ensureTables) first.
 */
import type { Connector } from '../engine/connector';
import { ident } from '../engine/connector';
import { CancelToken } from '../errors';
import type { RegistryManifest } from '../registry/types';
import { compileCohort } from './compile';
import { assertValid } from './run';
import type { CohortDefinition } from './types';

export async function materializeCohort(
  conn: Connector,
  manifest: RegistryManifest,
  definition: CohortDefinition,
  table: string,
  token: CancelToken = new CancelToken(),
): Promise<{ table: string; count: number }> {
  assertValid(definition, manifest);
  token.throwIfCancelled();
  const { cohortSql } = compileCohort(definition, manifest);
  await conn.query(`CREATE OR REPLACE TABLE ${ident(table)} AS ${cohortSql}`);
  token.throwIfCancelled();
  const n = (await conn.query(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`)).get(0)?.toJSON().n;
  return { table, count: Number(n) };
}
