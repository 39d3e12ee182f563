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

/**
 * The variable's non-missing values, evaluated once per summary: a variable's SQL may aggregate a
 * whole event table (10M+ rows in a large registry), so counts and distribution read one
 * materialised result instead of re-running the definition for each figure.
 */
function valuesCte(def: VariableDefinition, cast: string): string {
  return `WITH v AS MATERIALIZED (SELECT patient_id, ${cast} AS value FROM (${def.sql}) AS d WHERE value IS NOT NULL)`;
}

/** Patients, values and a 12-bin histogram in one query (bins of width (max - min) / 12). */
async function numericSummary(conn: Connector, def: VariableDefinition): Promise<{ patients: number; values: number; distribution: Distribution }> {
  const rows = toJsonRows(await conn.query(`${valuesCte(def, 'CAST(value AS DOUBLE)')},
    s AS (SELECT count(DISTINCT patient_id)::INTEGER AS patients, count(*)::INTEGER AS vals, min(value) AS lo, max(value) AS hi, avg(value) AS mean,
                 CASE WHEN max(value) > min(value) THEN (max(value) - min(value)) / ${BINS} ELSE 1 END AS width FROM v),
    h AS (SELECT least(${BINS - 1}, floor((value - s.lo) / s.width))::INTEGER AS b, count(*)::INTEGER AS n FROM v, s GROUP BY b)
    SELECT s.patients, s.vals, s.lo, s.hi, s.mean, s.width, h.b, h.n FROM s LEFT JOIN h ON true`));
  const first = rows[0];
  const patients = first.patients as number;
  const values = first.vals as number;
  const lo = first.lo as number | null;
  const hi = first.hi as number | null;
  if (lo === null || hi === null) return { patients, values, distribution: { kind: 'none' } };
  const width = first.width as number;
  const counts = new Array(BINS).fill(0);
  for (const r of rows) if (r.b !== null) counts[r.b as number] = r.n as number;
  return {
    patients,
    values,
    distribution: {
      kind: 'histogram',
      bins: counts.map((count, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count })),
      min: lo,
      max: hi,
      mean: first.mean as number,
    },
  };
}

/** Patients, values and the 8 most frequent values (ties by value) in one query. */
async function categoricalSummary(conn: Connector, def: VariableDefinition): Promise<{ patients: number; values: number; distribution: Distribution }> {
  const rows = toJsonRows(await conn.query(`${valuesCte(def, 'CAST(value AS VARCHAR)')},
    s AS (SELECT count(DISTINCT patient_id)::INTEGER AS patients, count(*)::INTEGER AS vals FROM v),
    c AS (SELECT value, count(*)::INTEGER AS n, count(*) OVER ()::INTEGER AS distinct_values FROM v GROUP BY value ORDER BY n DESC, value LIMIT 8)
    SELECT s.patients, s.vals, c.value, c.n, c.distinct_values FROM s LEFT JOIN c ON true ORDER BY c.n DESC, c.value`));
  const patients = rows[0].patients as number;
  const values = rows[0].vals as number;
  const top = rows.filter((r) => r.value !== null);
  if (top.length === 0) return { patients, values, distribution: { kind: 'none' } };
  return {
    patients,
    values,
    distribution: { kind: 'categories', counts: top.map((r) => ({ value: String(r.value), count: r.n as number })), distinct: top[0].distinct_values as number },
  };
}

export async function summarizeVariable(conn: Connector, node: CatalogueNode, totalPatients: number): Promise<VariableSummary> {
  const def = node.variable!;
  try {
    const { patients, values, distribution } = NUMERIC.has(def.type) ? await numericSummary(conn, def) : await categoricalSummary(conn, def);
    return { id: node.id, patients, values, completeness: totalPatients > 0 ? patients / totalPatients : 0, distribution };
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
