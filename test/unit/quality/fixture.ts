// Small hand-made registries built in DuckDB (Node build): a manifest written out by hand and the
// tables created with SQL, so a check's verdict on every row is known in advance.
import type { Connector } from '$core/engine/connector';
import type { MeasureType } from '$core/plugin/types';
import type { CatalogueNode, RegistryManifest, RegistryTable } from '$core/registry/types';

export interface FixtureTable {
  name: string;
  primary_key: string[];
  patient_key?: string;
  time_columns?: string[];
  foreign_keys?: RegistryTable['foreign_keys'];
  columns: [name: string, type: MeasureType, code_system?: string][];
  /** CREATE TABLE ... AS <this> */
  sql: string;
}

const sqlType: Record<string, string> = { integer: 'INTEGER', numeric: 'DOUBLE', date: 'DATE', datetime: 'TIMESTAMP', boolean: 'BOOLEAN' };

export async function buildFixture(conn: Connector, id: string, tables: FixtureTable[], catalogue: CatalogueNode[] = []): Promise<RegistryManifest> {
  for (const t of tables) {
    const cols = t.columns.map(([n, type]) => `CAST(${n} AS ${sqlType[type] ?? 'VARCHAR'}) AS ${n}`).join(', ');
    await conn.query(`CREATE OR REPLACE TABLE ${t.name} AS SELECT ${cols} FROM (${t.sql})`);
  }
  return {
    format: '1',
    id,
    version: '1',
    title: { en: id, zh: id },
    description: { en: '', zh: '' },
    disease: { en: '', zh: '' },
    catalogue,
    quality_rules: [],
    tables: tables.map((t) => ({
      name: t.name,
      file: `${t.name}.parquet`,
      format: 'parquet',
      description: { en: '', zh: '' },
      primary_key: t.primary_key,
      patient_key: t.patient_key ?? 'patient_id',
      time_columns: t.time_columns ?? [],
      foreign_keys: t.foreign_keys ?? [],
      columns: t.columns.map(([name, type, code_system]) => ({ name, type, label: { en: name, zh: name }, ...(code_system ? { code_system } : {}) })),
    })),
  };
}
