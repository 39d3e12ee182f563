/**
 * Import metadata kept inside the database, next to the data:
 *   __clinstat_columns(table_name, column_name, mtype, position): measurement type per column
 *     (read by the analysis runner; it falls back to DuckDB types when a table has no rows here);
 *   __clinstat_tables(table_name, source): the TableInfo.source of each imported table as JSON.
 */
import { ident, literal, type Connector } from '../engine/connector';
import { measureTypeOfSql } from './sql-types';
import type { MeasureType } from '../plugin/types';
import type { TableInfo } from './types';

export const COLUMNS_META = '__clinstat_columns';
export const TABLES_META = '__clinstat_tables';

export async function ensureMetadata(conn: Connector): Promise<void> {
  await conn.query(
    `CREATE TABLE IF NOT EXISTS ${COLUMNS_META} (table_name VARCHAR, column_name VARCHAR, mtype VARCHAR, position INTEGER);
     CREATE TABLE IF NOT EXISTS ${TABLES_META} (table_name VARCHAR, source VARCHAR)`,
  );
}

/** Replaces the stored measurement types of `table`. */
export async function writeColumnTypes(conn: Connector, table: string, columns: { name: string; type: MeasureType }[]): Promise<void> {
  await ensureMetadata(conn);
  const values = columns.map((c, i) => `(${literal(table)}, ${literal(c.name)}, ${literal(c.type)}, ${i})`).join(', ');
  await conn.query(
    `DELETE FROM ${COLUMNS_META} WHERE table_name = ${literal(table)}` +
      (values ? `; INSERT INTO ${COLUMNS_META} VALUES ${values}` : ''),
  );
}

export async function writeColumnType(conn: Connector, table: string, column: string, type: MeasureType): Promise<void> {
  await ensureMetadata(conn);
  await conn.query(
    `UPDATE ${COLUMNS_META} SET mtype = ${literal(type)} WHERE table_name = ${literal(table)} AND column_name = ${literal(column)}`,
  );
}

export async function writeSource(conn: Connector, table: string, source: TableInfo['source']): Promise<void> {
  await ensureMetadata(conn);
  await conn.query(
    `DELETE FROM ${TABLES_META} WHERE table_name = ${literal(table)};
     INSERT INTO ${TABLES_META} VALUES (${literal(table)}, ${literal(JSON.stringify(source))})`,
  );
}

export async function readSource(conn: Connector, table: string): Promise<TableInfo['source'] | undefined> {
  if (!(await tableExists(conn, TABLES_META))) return undefined;
  const t = await conn.query(`SELECT source FROM ${TABLES_META} WHERE table_name = ${literal(table)}`);
  const v = t.numRows ? (t.get(0)?.toJSON().source as string | null) : null;
  return v ? (JSON.parse(v) as TableInfo['source']) : undefined;
}

export async function deleteMetadata(conn: Connector, table: string): Promise<void> {
  if (await tableExists(conn, COLUMNS_META)) await conn.query(`DELETE FROM ${COLUMNS_META} WHERE table_name = ${literal(table)}`);
  if (await tableExists(conn, TABLES_META)) await conn.query(`DELETE FROM ${TABLES_META} WHERE table_name = ${literal(table)}`);
}

/** Column name -> DuckDB type, in table order. */
export async function sqlColumnTypes(conn: Connector, table: string): Promise<Map<string, string>> {
  const t = await conn.query(`DESCRIBE ${ident(table)}`);
  const out = new Map<string, string>();
  for (const row of t.toArray()) {
    const r = row.toJSON() as { column_name: string; column_type: string };
    out.set(r.column_name, r.column_type);
  }
  return out;
}

/**
 * Measurement type of every column of `table`, in table order: the stored type when the table
 * was imported, else one mapped from the DuckDB type (e.g. for tables made with SQL).
 */
export async function readColumnTypes(conn: Connector, table: string): Promise<Map<string, MeasureType>> {
  const sql = await sqlColumnTypes(conn, table);
  const stored = new Map<string, MeasureType>();
  if (await tableExists(conn, COLUMNS_META)) {
    const t = await conn.query(`SELECT column_name, mtype FROM ${COLUMNS_META} WHERE table_name = ${literal(table)}`);
    for (const row of t.toArray()) {
      const r = row.toJSON() as { column_name: string; mtype: MeasureType };
      stored.set(r.column_name, r.mtype);
    }
  }
  const out = new Map<string, MeasureType>();
  for (const [name, type] of sql) out.set(name, stored.get(name) ?? measureTypeOfSql(type));
  return out;
}

export async function tableExists(conn: Connector, table: string): Promise<boolean> {
  const t = await conn.query(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'main' AND lower(table_name) = lower(${literal(table)})`,
  );
  return Number(t.get(0)?.toJSON().n) > 0;
}

/** Names of all user tables and views in the main schema (internal `__` tables excluded). */
export async function userTableNames(conn: Connector): Promise<string[]> {
  const t = await conn.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND NOT starts_with(table_name, '__') ORDER BY table_name`,
  );
  return t.toArray().map((r) => r.toJSON().table_name as string);
}

export async function allTableNames(conn: Connector): Promise<string[]> {
  const t = await conn.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`);
  return t.toArray().map((r) => r.toJSON().table_name as string);
}
