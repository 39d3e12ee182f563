/**
 * What the catalogue shows per variable, computed in SQL from the variable's definition:
 * how many patients have a value (completeness), and a small distribution (a 12-bin histogram
 * for numbers, the most frequent values for categories) for the sparkline and the detail view.
 */
import type { Connector } from '../engine/connector';
import { toJsonRows, type JsonCell } from '../engine/rows';
import type { CatalogueNode, RegistryManifest, VariableDefinition } from './types';
import { catalogueVariables } from './validate';

export interface VariableSummary {
  id: string;
  /** Patients with at least one non-missing value. */
  patients: number;
  /** Non-missing values (events for event-grain variables). */
  values: number;
  /** patients / all patients of the registry. */
  completeness: number;
  distribution: Distribution;
  /** When the definition failed to run: DuckDB's message. */
  error?: string;
}

export type Distribution =
  | { kind: 'histogram'; bins: { from: number; to: number; count: number }[]; min: number; max: number; mean: number }
  | { kind: 'categories'; counts: { value: string; count: number }[]; distinct: number }
  | { kind: 'none' };

const NUMERIC = new Set(['numeric', 'integer']);
const BINS = 12;

/** The variable's values as a subquery with columns patient_id, value. */
function valuesOf(def: VariableDefinition): string {
  return `(SELECT patient_id, value FROM (${def.sql}) AS v)`;
}

async function distributionOf(conn: Connector, def: VariableDefinition): Promise<Distribution> {
  const v = valuesOf(def);
  if (NUMERIC.has(def.type)) {
    const s = toJsonRows(await conn.query(`SELECT min(value)::DOUBLE AS lo, max(value)::DOUBLE AS hi, avg(value)::DOUBLE AS mean FROM ${v} WHERE value IS NOT NULL`))[0];
    const lo = s.lo as number | null;
    const hi = s.hi as number | null;
    if (lo === null || hi === null) return { kind: 'none' };
    const width = hi > lo ? (hi - lo) / BINS : 1;
    const rows = toJsonRows(await conn.query(
      `SELECT least(${BINS - 1}, floor((value - ${lo}) / ${width}))::INTEGER AS b, count(*)::INTEGER AS n FROM ${v} WHERE value IS NOT NULL GROUP BY b`,
    ));
    const counts = new Array(BINS).fill(0);
    for (const r of rows) counts[r.b as number] = r.n as number;
    return {
      kind: 'histogram',
      bins: counts.map((count, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count })),
      min: lo,
      max: hi,
      mean: s.mean as number,
    };
  }
  const rows = toJsonRows(await conn.query(
    `SELECT CAST(value AS VARCHAR) AS value, count(*)::INTEGER AS n, count(*) OVER ()::INTEGER AS distinct_values FROM ${v} WHERE value IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT 8`,
  ));
  if (rows.length === 0) return { kind: 'none' };
  return { kind: 'categories', counts: rows.map((r) => ({ value: String(r.value), count: r.n as number })), distinct: rows[0].distinct_values as number };
}

export async function summarizeVariable(conn: Connector, node: CatalogueNode, totalPatients: number): Promise<VariableSummary> {
  const def = node.variable!;
  try {
    const c = toJsonRows(await conn.query(
      `SELECT count(DISTINCT patient_id)::INTEGER AS patients, count(value)::INTEGER AS vals FROM ${valuesOf(def)} WHERE value IS NOT NULL`,
    ))[0];
    const patients = c.patients as number;
    return {
      id: node.id,
      patients,
      values: c.vals as number,
      completeness: totalPatients > 0 ? patients / totalPatients : 0,
      distribution: await distributionOf(conn, def),
    };
  } catch (e) {
    return { id: node.id, patients: 0, values: 0, completeness: 0, distribution: { kind: 'none' }, error: (e as Error).message.split('\n')[0] };
  }
}

/** Summaries of every variable of the catalogue (one pass of small aggregate queries). */
export async function summarizeCatalogue(conn: Connector, manifest: RegistryManifest, onEach?: (done: number, total: number) => void): Promise<VariableSummary[]> {
  const patientTable = manifest.tables.find((t) => t.name === 'patient') ?? manifest.tables[0];
  const total = Number(toJsonRows(await conn.query(`SELECT count(DISTINCT ${patientTable.patient_key || 'patient_id'})::INTEGER AS n FROM ${patientTable.name}`))[0].n);
  const nodes = [...catalogueVariables(manifest.catalogue)];
  const out: VariableSummary[] = [];
  for (const [i, node] of nodes.entries()) {
    out.push(await summarizeVariable(conn, node, total));
    onEach?.(i + 1, nodes.length);
  }
  return out;
}

export type { JsonCell };
