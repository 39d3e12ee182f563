/**
 * Builds an analysis dataset: compiles the definition, runs each row-reading feature as its own
 * statement (progress per feature, cancellable between them), joins them to the cohort and
 * materialises `ds_<name>`. The table is registered like an imported one (measurement types in
 * __clinstat_columns, source in __clinstat_tables) so every method can use it, and its codebook
 * and definition are kept in __clinstat_datasets for export.
 */
import { ident, literal, type Connector } from '../engine/connector';
import { CancelToken } from '../errors';
import { writeColumnTypes, writeSource, sqlColumnTypes, tableExists } from '../data/metadata';
import { measureTypeOfSql } from '../data/sql-types';
import type { ProgressFn } from '../data/types';
import type { RegistryManifest } from '../registry/types';
import { compileDataset, COHORT_COLUMNS, toSingleQuery } from './compile';
import type { DatasetColumn, DatasetDefinition } from './types';

export const DATASETS_META = '__clinstat_datasets';

export function datasetTable(name: string): string {
  return `ds_${name}`;
}

export interface BuiltColumn extends DatasetColumn {
  /** Rows with a value. */
  present: number;
}

export interface DatasetBuildResult {
  name: string;
  table: string;
  rows: number;
  columns: BuiltColumn[];
  /** Wall time of the build, ms. */
  ms: number;
  /** The whole dataset as one SQL statement (for the record and the R script). */
  sql: string;
}

export async function buildDataset(
  conn: Connector,
  manifest: RegistryManifest,
  def: DatasetDefinition,
  cohortTable: string,
  progress: ProgressFn = () => {},
  cancel: CancelToken = new CancelToken(),
): Promise<DatasetBuildResult> {
  const t0 = performance.now();
  const tmp = (i: number) => `__ds_${def.name}_f${i}`;
  const compiled = compileDataset(def, manifest, { cohort: ident(cohortTable), step: (i) => ident(tmp(i)) });
  const total = compiled.steps.length + 2;
  const created: string[] = [];
  try {
    for (const [i, step] of compiled.steps.entries()) {
      cancel.throwIfCancelled();
      progress(i / total, `Computing ${step.feature} (${i + 1}/${compiled.steps.length})`);
      await conn.query(`CREATE OR REPLACE TEMP TABLE ${ident(tmp(i))} AS ${step.sql}`);
      created.push(tmp(i));
    }
    cancel.throwIfCancelled();
    progress((total - 2) / total, 'Joining the features');
    const table = datasetTable(def.name);
    await conn.query(`CREATE OR REPLACE TABLE ${ident(table)} AS ${compiled.final}`);
    cancel.throwIfCancelled();
    progress((total - 1) / total, 'Registering the dataset');
    // Where the compiler could not know a type (table sources), DuckDB's says it.
    const sqlTypes = await sqlColumnTypes(conn, table);
    const columns = compiled.columns.map((c) => (sqlTypes.has(c.name) && c.type === 'numeric' && /VARCHAR/.test(sqlTypes.get(c.name)!) ? { ...c, type: measureTypeOfSql(sqlTypes.get(c.name)!) } : c));
    await writeColumnTypes(conn, table, columns.map((c) => ({ name: c.name, type: c.type })));
    await writeSource(conn, table, { file: def.name, format: 'dataset' });
    const counts = (await conn.query(`SELECT count(*) AS n, ${columns.map((c, i) => `count(${ident(c.name)}) AS c${i}`).join(', ')} FROM ${ident(table)}`)).get(0)!.toJSON() as Record<string, number | bigint>;
    const built = columns.map((c, i) => ({ ...c, present: Number(counts[`c${i}`]) }));
    await conn.query(
      `CREATE TABLE IF NOT EXISTS ${DATASETS_META} (table_name VARCHAR, definition VARCHAR, columns VARCHAR);
       DELETE FROM ${DATASETS_META} WHERE table_name = ${literal(table)};
       INSERT INTO ${DATASETS_META} VALUES (${literal(table)}, ${literal(JSON.stringify(def))}, ${literal(JSON.stringify(columns))})`,
    );
    progress(1, 'Dataset ready');
    return { name: def.name, table, rows: Number(counts.n), columns: built, ms: performance.now() - t0, sql: toSingleQuery(def, manifest, cohortTable) };
  } finally {
    for (const t of created) await conn.query(`DROP TABLE IF EXISTS ${ident(t)}`).catch(() => {});
  }
}

/** The codebook columns of a built dataset (undefined when `table` is not one). */
export async function readDatasetColumns(conn: Connector, table: string): Promise<DatasetColumn[] | undefined> {
  if (!(await tableExists(conn, DATASETS_META))) return undefined;
  const t = await conn.query(`SELECT columns FROM ${DATASETS_META} WHERE table_name = ${literal(table)}`);
  const v = t.numRows ? (t.get(0)!.toJSON().columns as string) : null;
  return v ? (JSON.parse(v) as DatasetColumn[]) : undefined;
}

export { COHORT_COLUMNS };
