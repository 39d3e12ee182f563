/**
 * Per code and unit of a coded measurement column (measurements.ts): the quartiles of the log
 * values and how many values there are. The outlier and unit-error checks both fence values by
 * these; one scan per run serves both (the run's memo), each choosing its own groups.
 */
import { ident } from '../engine/connector';
import { toJsonRows } from '../engine/rows';
import type { RegistryTable } from '../registry/types';
import { lnPositive } from './measurements';
import { shared } from './shared';
import type { QualityCheckContext } from './types';

export interface CodeUnitStats {
  code: string;
  /** null: rows of the code with no unit. */
  unit: string | null;
  /** Quartiles of ln(value) over the positive values (null when there are none). */
  q1: number | null;
  median: number | null;
  q3: number | null;
  /** Values (non-empty). */
  n: number;
  /** Values above zero. */
  positive: number;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function codeUnitStats(ctx: QualityCheckContext, table: RegistryTable, code: string, unit: string, value: string): Promise<CodeUnitStats[]> {
  return shared(ctx, `code-unit-stats|${table.name}|${code}|${unit}|${value}`, async () => {
    const v = ident(value);
    // DuckDB's approximate quantiles: exact medians over millions of readings cost seconds each.
    const rows = toJsonRows(await ctx.conn.query(`SELECT CAST(code AS VARCHAR) AS code, CAST(unit AS VARCHAR) AS unit, q[1] AS q1, q[2] AS median, q[3] AS q3, n, positive
      FROM (SELECT ${ident(code)} AS code, ${ident(unit)} AS unit, approx_quantile(${lnPositive(v)}, [0.25, 0.5, 0.75]) AS q,
          count(${v})::BIGINT AS n, count(*) FILTER (WHERE ${v} > 0)::BIGINT AS positive
        FROM ${ident(table.name)} WHERE ${ident(code)} IS NOT NULL GROUP BY 1, 2)`));
    return rows.map((r) => ({
      code: String(r.code),
      unit: r.unit === null ? null : String(r.unit),
      q1: num(r.q1),
      median: num(r.median),
      q3: num(r.q3),
      n: Number(r.n),
      positive: Number(r.positive),
    }));
  });
}
