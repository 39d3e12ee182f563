/**
 * Units per code: in a table with a coded column (code_system in the manifest) and a unit column,
 * each code's usual unit is the one most of its rows carry; rows with another unit are listed.
 */
import { toJsonRows } from '$core/engine/rows';
import { countSql, evaluateAll, ident, NO_VIOLATIONS, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import { codeAndUnitColumns } from '$core/quality/measurements';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    const cu = codeAndUnitColumns(table);
    if (!cu) continue;
    const code = ident(cu.code);
    const unit = ident(cu.unit);
    // A row can differ from its code's usual unit only where the code's rows carry more than one
    // unit. Usually no code does, and then the table needs no join of every row to the usual units.
    // (If this cannot be told, the full query runs and reports what is wrong.)
    const mixed = await ctx.conn
      .query(`SELECT count(*)::BIGINT AS n FROM (SELECT ${code} FROM ${ident(table.name)} WHERE ${code} IS NOT NULL AND ${unit} IS NOT NULL GROUP BY 1 HAVING min(${unit}) <> max(${unit}))`)
      .then((r) => Number(toJsonRows(r)[0].n), () => null);
    queries.push({
      table: table.name,
      column: cu.unit,
      checkedSql: countSql(table, `${code} IS NOT NULL AND ${unit} IS NOT NULL`),
      violationsSql: mixed === 0 ? NO_VIOLATIONS : `WITH usual AS (SELECT ${code} AS code, mode(${unit}) AS unit FROM ${ident(table.name)} WHERE ${unit} IS NOT NULL GROUP BY 1)
        SELECT ${recordIdSql(table, 't')} AS record_id, ${patientIdSql(table, 't')} AS patient_id, t.${unit} AS value, ${timeSql(table, 't')} AS time,
          CAST(t.${code} AS VARCHAR) || ' in ' || CAST(t.${unit} AS VARCHAR) || ', usually ' || CAST(u.unit AS VARCHAR) AS detail_en,
          CAST(t.${code} AS VARCHAR) || ' 单位为 ' || CAST(t.${unit} AS VARCHAR) || '，通常为 ' || CAST(u.unit AS VARCHAR) AS detail_zh
        FROM ${ident(table.name)} t JOIN usual u ON u.code = t.${code}
        WHERE t.${unit} IS NOT NULL AND t.${unit} <> u.unit`,
    });
  }
  return evaluateAll(ctx, queries);
}
