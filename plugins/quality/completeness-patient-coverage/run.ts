/**
 * Completeness per patient: a table that (nearly) every patient has records in is expected for
 * every patient, so the few patients without any record there are likely gaps in the extract
 * (an admission never exported, labs of one ward not linked). Coverage is measured, not
 * declared: a count of distinct patient ids per table decides which tables are expected, so
 * optional tables (procedures, omics) never flood the list.
 *
 * Findings sit on the patient table (record_id = patient id, so the drill-down opens the patient)
 * with the missing table's name as the column: one verdict and one list per expected table.
 */
import { toJsonRows } from '$core/engine/rows';
import { evaluateAll, ident, literal, NO_VIOLATIONS, patientTable, summaryOf, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, CheckSummary, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const patients = patientTable(ctx.manifest);
  if (!patients) return { summaries: [], findings: [] };
  const expected = ctx.options.expected_coverage ?? 0.9;
  const pk = ident(patients.patient_key);
  const others = ctx.manifest.tables.filter((t) => t !== patients && t.patient_key);
  if (!others.length) return { summaries: [], findings: [] };

  const [p] = toJsonRows(await ctx.conn.query(`SELECT count(DISTINCT ${pk})::BIGINT AS n FROM ${ident(patients.name)}`));
  const total = Number(p.n);
  if (!total) return { summaries: [], findings: [] };

  const summaries: CheckSummary[] = [];
  const queries: ViolationQuery[] = [];
  for (const t of others) {
    ctx.cancel.throwIfCancelled();
    const key = ident(t.patient_key);
    let covered: number;
    try {
      // Only ids of the patient table count: orphans are the foreign-key check's business.
      const [c] = toJsonRows(await ctx.conn.query(
        `SELECT count(DISTINCT x.${key})::BIGINT AS n FROM ${ident(t.name)} x WHERE x.${key} IN (SELECT ${pk} FROM ${ident(patients.name)})`,
      ));
      covered = Number(c.n);
    } catch (e) {
      const m = (e as Error).message.split('\n')[0];
      summaries.push(summaryOf(ctx, patients.name, t.name, 0, 0, {}, { en: `Patient coverage of ${t.name} could not be counted: ${m}`, zh: `无法统计 ${t.name} 的患者覆盖情况：${m}` }));
      continue;
    }
    const share = covered / total;
    if (share < expected) continue;
    const pct = (100 * share).toFixed(1);
    queries.push({
      table: patients.name,
      column: t.name,
      checkedSql: `SELECT ${total}::BIGINT AS n`,
      // Every patient covered (the usual case for the tables everyone has): nobody to look for.
      violationsSql: covered === total ? NO_VIOLATIONS : `SELECT CAST(p.${pk} AS VARCHAR) AS record_id, CAST(p.${pk} AS VARCHAR) AS patient_id, ${literal(t.name)} AS value, ${timeSql(patients, 'p')} AS time,
          ${literal(`no record in ${t.name} (${pct}% of patients have one)`)} AS detail_en,
          ${literal(`在 ${t.name} 中没有任何记录（${pct}% 的患者有记录）`)} AS detail_zh
        FROM ${ident(patients.name)} p
        WHERE p.${pk} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ident(t.name)} x WHERE x.${key} = p.${pk})`,
    });
  }
  const listed = await evaluateAll(ctx, queries);
  return { summaries: [...summaries, ...listed.summaries], findings: listed.findings };
}
