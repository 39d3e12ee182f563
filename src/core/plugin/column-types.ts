/**
 * Measurement types of a table's columns: from the import metadata when the table was
 * imported by ClinStat, otherwise mapped from DuckDB's storage types.
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import type { MeasureType } from './types';

export interface ColumnType {
  sqlType: string;
  type: MeasureType;
}

export function measureTypeOfSql(sqlType: string): MeasureType {
  const t = sqlType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)/.test(t)) return 'integer';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/.test(t)) return 'numeric';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'datetime';
  return 'categorical';
}

export async function tableColumnTypes(conn: Connector, table: string): Promise<Map<string, ColumnType>> {
  const described = await conn.query(`DESCRIBE ${ident(table)}`);
  const out = new Map<string, ColumnType>();
  for (const row of described.toArray()) {
    const r = row.toJSON() as { column_name: string; column_type: string };
    out.set(r.column_name, { sqlType: r.column_type, type: measureTypeOfSql(r.column_type) });
  }
  const meta = await conn.query(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '__clinstat_columns'`,
  );
  if (Number(meta.get(0)?.toJSON().n) > 0) {
    const rows = await conn.query(
      `SELECT column_name, mtype FROM __clinstat_columns WHERE table_name = ${literal(table)}`,
    );
    for (const row of rows.toArray()) {
      const r = row.toJSON() as { column_name: string; mtype: MeasureType };
      const known = out.get(r.column_name);
      if (known) known.type = r.mtype;
    }
  }
  return out;
}
