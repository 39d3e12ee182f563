/**
 * The distribution behind a flagged value, for the dashboard's "distribution with flagged
 * points": a histogram of the column's values among rows like the flagged record (same code,
 * e.g. the same LOINC, when the table has coded measurements). Log-scaled bins when the values
 * are positive and span orders of magnitude, so a unit error and the bulk are both visible.
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import { toJsonRows } from '../engine/rows';
import type { RegistryManifest } from '../registry/types';
import { codeAndUnitColumns } from './measurements';
import { isNumericType, recordIdSql, tableOf } from './sql';

export interface Distribution {
  table: string;
  column: string;
  /** The code the rows share (e.g. a LOINC code), or null for the whole column. */
  code: string | null;
  log: boolean;
  bins: { x0: number; x1: number; n: number }[];
  n: number;
}

export async function valueDistribution(conn: Connector, manifest: RegistryManifest, tableName: string, column: string, recordId: string, binCount = 40): Promise<Distribution | null> {
  const table = tableOf(manifest, tableName);
  const col = table?.columns.find((c) => c.name === column);
  if (!table || !col || !isNumericType(col.type)) return null;
  const cu = codeAndUnitColumns(table);
  let code: string | null = null;
  if (cu) {
    const [r] = toJsonRows(await conn.query(`SELECT CAST(${ident(cu.code)} AS VARCHAR) AS code FROM ${ident(table.name)} WHERE ${recordIdSql(table)} = ${literal(recordId)}`));
    code = r?.code === undefined || r?.code === null ? null : String(r.code);
  }
  const where = `${ident(column)} IS NOT NULL${code !== null && cu ? ` AND CAST(${ident(cu.code)} AS VARCHAR) = ${literal(code)}` : ''}`;
  const [s] = toJsonRows(await conn.query(`SELECT min(${ident(column)}) AS lo, max(${ident(column)}) AS hi, count(*) AS n FROM ${ident(table.name)} WHERE ${where}`));
  const lo = Number(s.lo);
  const hi = Number(s.hi);
  const n = Number(s.n);
  if (!n || !Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const log = lo > 0 && hi / lo > 50;
  const f = (x: number) => (log ? Math.log(x) : x);
  const a = f(lo);
  const b = hi > lo ? f(hi) : a + 1;
  const w = (b - a) / binCount;
  const expr = log ? `ln(${ident(column)})` : ident(column);
  const rows = toJsonRows(await conn.query(
    `SELECT least(${binCount - 1}, CAST(floor((${expr} - ${a}) / ${w}) AS INTEGER)) AS i, count(*) AS n FROM ${ident(table.name)} WHERE ${where} GROUP BY 1`,
  ));
  const counts = new Map(rows.map((r) => [Number(r.i), Number(r.n)]));
  const back = (x: number) => (log ? Math.exp(x) : x);
  const bins = Array.from({ length: binCount }, (_, i) => ({ x0: back(a + i * w), x1: back(a + (i + 1) * w), n: counts.get(i) ?? 0 }));
  return { table: table.name, column, code, log, bins, n };
}
