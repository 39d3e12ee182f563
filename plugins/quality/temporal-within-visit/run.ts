/**
 * Within the visit: for a foreign key into a table with start and end times (a visit), the
 * record's main date must lie within [start - slack, end + slack].
 */
import { countSql, evaluateAll, ident, literal, patientIdSql, patientTable, recordIdSql, tableOf, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const slack = Math.max(0, Math.floor(ctx.options.slack_days ?? 1));
  // The patient table's two dates (index, death) bound a life, not an episode: not a "visit".
  const patients = patientTable(ctx.manifest);
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    if (!table.time_columns.length) continue;
    for (const fk of table.foreign_keys) {
      const ref = tableOf(ctx.manifest, fk.references.table);
      if (!ref || ref === table || ref === patients || ref.time_columns.length < 2) continue;
      const when = timeSql(table, 'x');
      const [s, e] = ref.time_columns.map((c) => `TRY_CAST(v.${ident(c)} AS DATE)`);
      queries.push({
        table: table.name,
        column: table.time_columns[0],
        checkedSql: countSql(table, `${ident(fk.column)} IS NOT NULL AND ${ident(table.time_columns[0])} IS NOT NULL`),
        violationsSql: `SELECT ${recordIdSql(table, 'x')} AS record_id, ${patientIdSql(table, 'x')} AS patient_id, CAST(${when} AS VARCHAR) AS value, ${when} AS time,
            ${literal(table.name + ' dated ')} || CAST(${when} AS VARCHAR) || ${literal(` outside ${ref.name} `)} || CAST(${s} AS VARCHAR) || ' – ' || CAST(${e} AS VARCHAR) AS detail_en,
            ${literal(table.name + ' 日期 ')} || CAST(${when} AS VARCHAR) || ${literal(` 不在 ${ref.name} `)} || CAST(${s} AS VARCHAR) || ' – ' || CAST(${e} AS VARCHAR) || ' 期间' AS detail_zh
          FROM ${ident(table.name)} x JOIN ${ident(ref.name)} v ON v.${ident(fk.references.column)} = x.${ident(fk.column)}
          WHERE ${s} IS NOT NULL AND ${e} IS NOT NULL AND ${e} >= ${s} AND (${when} < ${s} - ${slack} OR ${when} > ${e} + ${slack})`,
      });
    }
  }
  return evaluateAll(ctx, queries);
}
