/**
 * Completeness per field (DQD's measureValueCompleteness). One scan per table counts the empty
 * cells of every column. A slip and a pattern are told apart by how rare the gaps are: in a
 * column with gaps in fewer than `sporadic_share` of rows each gap is listed as a finding; a
 * column with more gaps (omics assays that failed, an education field often not asked) gets
 * only its per-field share against the threshold; a column empty in most rows (death date, end
 * of an ongoing order) is optional by design and always passes.
 */
import { toJsonRows } from '$core/engine/rows';
import { evaluateAll, ident, literal, patientIdSql, recordIdSql, summaryOf, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, CheckSummary, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const sporadic = ctx.options.sporadic_share ?? 0.001;
  const optional = ctx.options.optional_share ?? 0.5;
  const summaries: CheckSummary[] = [];
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    ctx.cancel.throwIfCancelled();
    const cols = table.columns;
    if (!cols.length) continue;
    const r = toJsonRows(await ctx.conn.query(
      `SELECT count(*) AS rows, ${cols.map((c, i) => `count(*) - count(${ident(c.name)}) AS m${i}`).join(', ')} FROM ${ident(table.name)}`,
    ))[0];
    const rows = Number(r.rows);
    cols.forEach((c, i) => {
      const missing = Number(r[`m${i}`]);
      const share = rows ? missing / rows : 0;
      if (missing > 0 && share < sporadic) {
        queries.push({
          table: table.name,
          column: c.name,
          checkedSql: `SELECT ${rows}::BIGINT AS n`,
          violationsSql: `SELECT ${recordIdSql(table)} AS record_id, ${patientIdSql(table)} AS patient_id, NULL AS value, ${timeSql(table)} AS time,
              ${literal(`${c.name} is empty (complete in ${(100 * (1 - share)).toFixed(2)}% of ${table.name})`)} AS detail_en,
              ${literal(`${c.name} 为空（在 ${table.name} 中 ${(100 * (1 - share)).toFixed(2)}% 有值）`)} AS detail_zh
            FROM ${ident(table.name)} WHERE ${ident(c.name)} IS NULL`,
        });
        return;
      }
      const s = summaryOf(ctx, table.name, c.name, rows, missing);
      if (share > optional) {
        s.threshold = 100;
        s.passed = true;
      }
      summaries.push(s);
    });
  }
  const listed = await evaluateAll(ctx, queries);
  return { summaries: [...summaries, ...listed.summaries], findings: listed.findings };
}
