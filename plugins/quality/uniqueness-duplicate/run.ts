/**
 * Duplicates: rows identical in all non-key columns; every copy after the first (by key) is
 * reported, naming the record it repeats.
 */
import { countSql, evaluateAll, ident, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const minColumns = ctx.options.min_columns ?? 3;
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    const keys = new Set(table.primary_key);
    const rest = table.columns.filter((c) => !keys.has(c.name)).map((c) => ident(c.name));
    if (!table.primary_key.length || rest.length < minColumns) continue;
    const order = table.primary_key.map(ident).join(', ');
    // A hash of the non-key columns finds the (few) candidate groups with one aggregation; only
    // their rows are then compared column by column, so a 10-million-row table is not sorted.
    const h = `hash(${rest.join(', ')})`;
    queries.push({
      table: table.name,
      column: null,
      checkedSql: countSql(table),
      violationsSql: `SELECT record_id, patient_id, first_id AS value, time,
          'duplicate of ' || first_id AS detail_en, '与 ' || first_id || ' 重复' AS detail_zh
        FROM (SELECT ${recordIdSql(table)} AS record_id, ${patientIdSql(table)} AS patient_id, ${timeSql(table)} AS time,
                first_value(${recordIdSql(table)}) OVER w AS first_id, row_number() OVER w AS nth
              FROM ${ident(table.name)}
              WHERE ${h} IN (SELECT ${h} FROM ${ident(table.name)} GROUP BY 1 HAVING count(*) > 1)
              WINDOW w AS (PARTITION BY ${rest.join(', ')} ORDER BY ${order}))
        WHERE nth > 1`,
    });
  }
  return evaluateAll(ctx, queries);
}
