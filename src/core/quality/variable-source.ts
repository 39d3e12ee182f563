/**
 * Record-level view of a catalogue variable. A variable's SQL yields patient_id and value; to
 * point at the violating RECORD (table + record id) the check needs the row the value came from.
 * When the SQL is a plain one-table SELECT (no join, grouping or aggregate), the record id and
 * main time of that table are added to its select list. Derived variables (aggregates, joins)
 * have no single source row and are left to the checks that read tables directly.
 */
import type { RegistryManifest, RegistryTable, VariableDefinition } from '../registry/types';
import { catalogueVariables as variableNodes } from '../registry/validate';
import { recordIdSql, tableOf, timeSql } from './sql';

export interface VariableSource {
  variable: string;
  definition: VariableDefinition;
  table: RegistryTable;
  /** The table column the value is read from, when it is one column. */
  column: string | null;
  /** The variable's SQL plus __record_id and __time. */
  sql: string;
}

const PLAIN = /^\s*SELECT\s+([\s\S]+?)\s+FROM\s+([A-Za-z_]\w*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?(\s+WHERE\s+[\s\S]*)?\s*;?\s*$/i;
const NOT_PLAIN = /\b(JOIN|GROUP\s+BY|UNION|HAVING|DISTINCT|OVER|LIMIT)\b|\b(count|sum|avg|min|max|arg_min|arg_max|median|quantile\w*|list|string_agg|first|last|any_value)\s*\(/i;
const KEYWORDS = new Set(['where', 'join', 'left', 'right', 'inner', 'group', 'order', 'limit', 'using', 'on']);

export function catalogueVariables(manifest: RegistryManifest): { id: string; definition: VariableDefinition }[] {
  return [...variableNodes(manifest.catalogue)].map((n) => ({ id: n.id, definition: n.variable! }));
}

export function variableSource(manifest: RegistryManifest, id: string, definition: VariableDefinition): VariableSource | null {
  const m = PLAIN.exec(definition.sql);
  if (!m) return null;
  const [, select, tableName, alias, where = ''] = m;
  if (alias && KEYWORDS.has(alias.toLowerCase())) return null;
  // The select list of a plain query must hold no aggregate; the WHERE may hold subqueries.
  if (NOT_PLAIN.test(select) || /\b(GROUP\s+BY|UNION|HAVING)\b/i.test(where)) return null;
  const table = tableOf(manifest, tableName);
  if (!table) return null;
  const a = alias ?? '';
  const from = `${tableName}${alias ? ' ' + alias : ''}`;
  return {
    variable: id,
    definition,
    table,
    column: valueColumn(select, table),
    sql: `SELECT ${recordIdSql(table, a)} AS __record_id, ${timeSql(table, a)} AS __time, ${select} FROM ${from}${where}`,
  };
}

/** The one table column inside the select item that becomes `value` (e.g. "TRY_CAST(value AS DOUBLE) AS value" -> value). */
function valueColumn(select: string, table: RegistryTable): string | null {
  const items = select.split(/,(?![^()]*\))/).map((s) => s.trim());
  const item = items.find((s) => /(^|\.)value$/i.test(s) || /\bAS\s+value$/i.test(s));
  if (!item) return null;
  const expr = item.replace(/\s+AS\s+value$/i, '');
  const names = new Set(table.columns.map((c) => c.name));
  const used = [...new Set((expr.match(/[A-Za-z_]\w*/g) ?? []).filter((w) => names.has(w)))];
  return used.length === 1 ? used[0] : null;
}
