/**
 * Scores per department: a record's department is a categorical column named like a department
 * (department, dept, ward, unit of care) in its own table or in the table one foreign key away
 * (a lab result's visit). Found from the manifest, so any registry laid out that way gets it.
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import { toJsonRows } from '../engine/rows';
import { sqlColumnTypes } from '../data/metadata';
import type { RegistryManifest, RegistryTable } from '../registry/types';
import { recordIdSql, tableOf } from './sql';
import type { Finding } from './types';

const DEPARTMENT = /^(department|dept|ward|specialty|科室)$/i;

/**
 * SQL pieces giving a department per row of `table` (alias t), or null: `join` follows the table
 * in a FROM (empty when the department is the table's own column).
 */
export function departmentSource(manifest: RegistryManifest, table: RegistryTable): { join: string; expr: string; grouped?: string } | null {
  const own = table.columns.find((c) => DEPARTMENT.test(c.name));
  if (own) return { join: '', expr: `t.${ident(own.name)}` };
  for (const fk of table.foreign_keys) {
    const ref = tableOf(manifest, fk.references.table);
    const col = ref?.columns.find((c) => DEPARTMENT.test(c.name));
    if (ref && col) {
      return {
        join: ` LEFT JOIN ${ident(ref.name)} d ON d.${ident(fk.references.column)} = t.${ident(fk.column)}`,
        expr: `d.${ident(col.name)}`,
        // Rows per department: count the (millions of) rows per referenced key first, then join
        // the (thousands of) keys to their department, instead of joining every row.
        grouped: `SELECT CAST(d.${ident(col.name)} AS VARCHAR) AS dep, sum(c.n)::BIGINT AS n
          FROM (SELECT ${ident(fk.column)} AS k, count(*) AS n FROM ${ident(table.name)} GROUP BY 1) c
          JOIN ${ident(ref.name)} d ON d.${ident(fk.references.column)} = c.k
          WHERE d.${ident(col.name)} IS NOT NULL GROUP BY 1`,
      };
    }
  }
  return null;
}

/** Rows per department per table (the denominators), for the tables named (those with findings). */
export async function rowsByDepartment(conn: Connector, manifest: RegistryManifest, tables: Set<string>): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const table of manifest.tables.filter((t) => tables.has(t.name))) {
    const src = departmentSource(manifest, table);
    if (!src) continue;
    const rows = toJsonRows(await conn.query(src.grouped ?? `SELECT CAST(${src.expr} AS VARCHAR) AS dep, count(*)::BIGINT AS n FROM ${ident(table.name)} t${src.join} WHERE ${src.expr} IS NOT NULL GROUP BY 1`));
    out[table.name] = Object.fromEntries(rows.map((r) => [String(r.dep), Number(r.n)]));
  }
  return out;
}

/**
 * How the record ids (l.v, text) meet the table's rows (alias t). A one-column key is compared
 * in its own type (the ids cast back, TRY_CAST so an id that is not a key matches nothing):
 * casting every row's key to text cost seconds on millions of rows. A composite key is compared
 * as the record id text.
 */
async function recordIdMatch(conn: Connector, table: RegistryTable): Promise<{ key: string; on: string }> {
  const keys = table.primary_key.length ? table.primary_key : ['rowid'];
  if (keys.length > 1) return { key: 'l.v', on: `${recordIdSql(table, 't')} = l.k` };
  const type = keys[0] === 'rowid' ? 'BIGINT' : (await sqlColumnTypes(conn, table.name)).get(keys[0]);
  const col = keys[0] === 'rowid' ? 't.rowid' : `t.${ident(keys[0])}`;
  return type ? { key: `TRY_CAST(l.v AS ${type})`, on: `${col} = l.k` } : { key: 'l.v', on: `${recordIdSql(table, 't')} = l.k` };
}

/** Sets `department` on the kept findings whose table has one (one query per table). */
export async function attachDepartments(conn: Connector, manifest: RegistryManifest, findings: Finding[]): Promise<void> {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
  for (const [name, list] of byTable) {
    const table = tableOf(manifest, name);
    const src = table && departmentSource(manifest, table);
    if (!table || !src) continue;
    const match = await recordIdMatch(conn, table);
    const ids = [...new Set(list.map((f) => f.record_id))];
    for (let i = 0; i < ids.length; i += 1000) {
      const values = ids.slice(i, i + 1000).map((id) => `(${literal(id)})`).join(', ');
      // The semi join filters the table before the department join (after it, it cost 3x).
      const rows = toJsonRows(await conn.query(`SELECT ${recordIdSql(table, 't')} AS id, CAST(${src.expr} AS VARCHAR) AS dep
        FROM ${ident(table.name)} t SEMI JOIN (SELECT ${match.key} AS k FROM (VALUES ${values}) l(v)) l ON ${match.on}${src.join}`));
      const dep = new Map(rows.map((r) => [String(r.id), r.dep === null ? null : String(r.dep)]));
      for (const f of list) if (dep.has(f.record_id)) f.department = dep.get(f.record_id) ?? null;
    }
  }
}

export interface DepartmentScore {
  department: string;
  /** Kept findings whose record belongs to the department. */
  findings: number;
  rows: number;
  /** Findings per 1,000 rows of the department's records in the tables with findings. */
  perThousand: number;
}

export function departmentScores(findings: Finding[], rows: Record<string, Record<string, number>>): DepartmentScore[] {
  const total = new Map<string, number>();
  for (const t of Object.values(rows)) for (const [d, n] of Object.entries(t)) total.set(d, (total.get(d) ?? 0) + n);
  const found = new Map<string, number>();
  for (const f of findings) if (f.department) found.set(f.department, (found.get(f.department) ?? 0) + 1);
  return [...total]
    .map(([department, n]) => ({ department, rows: n, findings: found.get(department) ?? 0, perThousand: n ? (1000 * (found.get(department) ?? 0)) / n : 0 }))
    .sort((a, b) => b.perThousand - a.perThousand || a.department.localeCompare(b.department));
}
