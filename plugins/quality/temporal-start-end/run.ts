/**
 * Start before end. The manifest's convention: a table's second time column ends the interval the
 * first starts (visit admit/discharge, medication start/end). Some tables list two unrelated
 * times (a follow-up call and the event it reports); those are recognised by their data, since
 * in a true interval nearly every row is in order, and are left alone.
 */
import { toJsonRows } from '$core/engine/rows';
import { countSql, evaluateAll, ident, literal, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const share = ctx.options.ordered_share ?? 0.95;
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    if (table.time_columns.length < 2) continue;
    ctx.cancel.throwIfCancelled();
    const [s, e] = table.time_columns.map((c) => `TRY_CAST(${ident(c)} AS TIMESTAMP)`);
    const r = toJsonRows(await ctx.conn.query(`SELECT count(*) FILTER (WHERE ${s} IS NOT NULL AND ${e} IS NOT NULL) AS n, count(*) FILTER (WHERE ${e} >= ${s}) AS ordered FROM ${ident(table.name)}`))[0];
    const n = Number(r.n);
    if (n === 0 || Number(r.ordered) < share * n) continue;
    const [a, b] = table.time_columns;
    queries.push({
      table: table.name,
      column: b,
      checkedSql: countSql(table, `${s} IS NOT NULL AND ${e} IS NOT NULL`),
      violationsSql: `SELECT ${recordIdSql(table)} AS record_id, ${patientIdSql(table)} AS patient_id, CAST(${ident(b)} AS VARCHAR) AS value, ${timeSql(table)} AS time,
          ${literal(b + ' ')} || CAST(${ident(b)} AS VARCHAR) || ${literal(` before ${a} `)} || CAST(${ident(a)} AS VARCHAR) AS detail_en,
          ${literal(b + ' ')} || CAST(${ident(b)} AS VARCHAR) || ${literal(` 早于 ${a} `)} || CAST(${ident(a)} AS VARCHAR) AS detail_zh
        FROM ${ident(table.name)} WHERE ${e} < ${s}`,
    });
  }
  return evaluateAll(ctx, queries);
}
