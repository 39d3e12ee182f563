/** Key uniqueness: every row after the first with the same key, and every row with an empty key. */
import { evaluateAll, ident, NO_VIOLATIONS, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';
import { keysUnique } from './keys-unique';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables.filter((t) => t.primary_key.length > 0)) {
    ctx.cancel.throwIfCancelled();
    const keys = table.primary_key.map(ident).join(', ');
    const anyNull = table.primary_key.map((k) => `${ident(k)} IS NULL`).join(' OR ');
    const unique = await keysUnique(ctx, table);
    queries.push({
      table: table.name,
      column: table.primary_key.join(', '),
      checkedSql: `SELECT ${unique.n}::BIGINT AS n`,
      violationsSql: unique.yes
        ? NO_VIOLATIONS
        : `SELECT record_id, patient_id, record_id AS value, time,
            CASE WHEN key_null THEN 'empty key' ELSE 'key used ' || CAST(uses AS VARCHAR) || ' times' END AS detail_en,
            CASE WHEN key_null THEN '主键为空' ELSE '主键被使用 ' || CAST(uses AS VARCHAR) || ' 次' END AS detail_zh
          FROM (SELECT ${recordIdSql(table)} AS record_id, ${patientIdSql(table)} AS patient_id, ${timeSql(table)} AS time,
                  (${anyNull}) AS key_null, count(*) OVER (PARTITION BY ${keys}) AS uses,
                  row_number() OVER (PARTITION BY ${keys}) AS nth
                FROM ${ident(table.name)}
                -- Only rows whose key occurs more than once (or is empty) are windowed: one aggregation finds them.
                WHERE ${anyNull} OR hash(${keys}) IN (SELECT hash(${keys}) FROM ${ident(table.name)} GROUP BY 1 HAVING count(*) > 1))
          WHERE key_null OR nth > 1`,
    });
  }
  return evaluateAll(ctx, queries);
}
