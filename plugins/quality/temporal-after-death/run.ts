/** Events after death: each event table's main time against the patient table's death date. */
import { countSql, evaluateAll, ident, literal, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import { eventTables, lifeDates } from '$core/quality/temporal';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const life = lifeDates(ctx.manifest);
  if (!life?.death) return { summaries: [], findings: [] };
  const grace = Math.max(0, Math.floor(ctx.options.grace_days ?? 0));
  const death = `CAST(p.${ident(life.death)} AS DATE)`;
  const queries: ViolationQuery[] = eventTables(ctx.manifest).map((table) => {
    const when = timeSql(table, 'x');
    return {
      table: table.name,
      column: table.time_columns[0],
      checkedSql: countSql(table, `${ident(table.time_columns[0])} IS NOT NULL`),
      violationsSql: `SELECT ${recordIdSql(table, 'x')} AS record_id, ${patientIdSql(table, 'x')} AS patient_id, ${when} AS value, ${when} AS time,
          ${literal(table.name + ' dated ')} || CAST(${when} AS VARCHAR) || ' after death ' || CAST(${death} AS VARCHAR) AS detail_en,
          ${literal(table.name + ' 日期 ')} || CAST(${when} AS VARCHAR) || ' 晚于死亡日期 ' || CAST(${death} AS VARCHAR) AS detail_zh
        FROM ${ident(table.name)} x JOIN ${ident(life.table.name)} p ON p.${ident(life.table.patient_key)} = x.${ident(table.patient_key)}
        WHERE ${death} IS NOT NULL AND ${when} > ${death} + ${grace}`,
    };
  });
  return evaluateAll(ctx, queries);
}
