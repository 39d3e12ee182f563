/** No future dates: every date/datetime column of every table against today. */
import { countSql, evaluateAll, ident, literal, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  // DuckDB-WASM has no current_date without the ICU extension (never fetched): today comes from JS.
  const today = `DATE ${literal(new Date().toISOString().slice(0, 10))}`;
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    for (const c of table.columns.filter((x) => x.type === 'date' || x.type === 'datetime')) {
      const d = `TRY_CAST(${ident(c.name)} AS DATE)`;
      queries.push({
        table: table.name,
        column: c.name,
        checkedSql: countSql(table, `${ident(c.name)} IS NOT NULL`),
        violationsSql: `SELECT ${recordIdSql(table)} AS record_id, ${patientIdSql(table)} AS patient_id, CAST(${d} AS VARCHAR) AS value, ${timeSql(table)} AS time,
            ${literal(c.name + ' ')} || CAST(${d} AS VARCHAR) || ' is in the future' AS detail_en,
            ${literal(c.name + ' ')} || CAST(${d} AS VARCHAR) || ' 晚于今天' AS detail_zh
          FROM ${ident(table.name)} WHERE ${d} > ${today}`,
      });
    }
  }
  return evaluateAll(ctx, queries);
}
