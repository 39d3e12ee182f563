/**
 * The codes of a coded measurement table (lab_result.loinc, vital_sign.loinc): name, units seen
 * and counts, so a physician can add "creatinine (LOINC 2160-0) in mg/dL" without a catalogue
 * entry, with unit normalisation from the table's unit column.
 */
import { ident, type Connector } from '../engine/connector';
import { toJsonRows } from '../engine/rows';
import type { RegistryManifest, RegistryTable } from '../registry/types';

export interface CodedTable {
  table: string;
  codeColumn: string;
  codeSystem: string;
  valueColumn: string;
  timeColumn: string;
  nameColumn?: string;
  unitColumn?: string;
}

export interface CodeEntry {
  code: string;
  name: string;
  rows: number;
  units: { unit: string; rows: number }[];
}

function codedTableOf(t: RegistryTable): CodedTable | undefined {
  const code = t.columns.find((c) => c.code_system);
  const value = t.columns.find((c) => c.name === 'value' && (c.type === 'numeric' || c.type === 'integer'));
  const time = t.time_columns[0];
  if (!code || !value || !time || !t.patient_key) return undefined;
  const name = t.columns.find((c) => c !== code && c.type === 'categorical' && /(_name|description)$/.test(c.name));
  const unit = t.columns.find((c) => c.name === 'unit' || c.name === 'units');
  return { table: t.name, codeColumn: code.name, codeSystem: code.code_system!, valueColumn: value.name, timeColumn: time, nameColumn: name?.name, unitColumn: unit?.name };
}

/** Tables with a code column, a numeric value and a time: the ones "by code" works on. */
export function codedTables(m: RegistryManifest): CodedTable[] {
  return m.tables.map(codedTableOf).filter((x): x is CodedTable => !!x);
}

export async function listCodes(conn: Connector, t: CodedTable): Promise<CodeEntry[]> {
  const name = t.nameColumn ? `any_value(CAST(${ident(t.nameColumn)} AS VARCHAR))` : 'NULL';
  const unit = t.unitColumn ? `CAST(${ident(t.unitColumn)} AS VARCHAR)` : 'NULL';
  const rows = toJsonRows(
    await conn.query(
      `SELECT CAST(${ident(t.codeColumn)} AS VARCHAR) AS code, ${name} AS name, ${unit} AS unit, count(*)::INTEGER AS n
       FROM ${ident(t.table)} WHERE ${ident(t.codeColumn)} IS NOT NULL GROUP BY ALL ORDER BY code, n DESC`,
    ),
  );
  const out = new Map<string, CodeEntry>();
  for (const r of rows) {
    const code = String(r.code);
    const e = out.get(code) ?? { code, name: r.name === null ? code : String(r.name), rows: 0, units: [] };
    e.rows += r.n as number;
    if (r.unit !== null) e.units.push({ unit: String(r.unit), rows: r.n as number });
    out.set(code, e);
  }
  return [...out.values()].sort((a, b) => b.rows - a.rows);
}
