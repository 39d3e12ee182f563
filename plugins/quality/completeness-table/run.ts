/**
 * Completeness per table: empty cells over all cells, one scan per table (count(*) - count(col)
 * for every column at once). A summary only: the cells behind it are listed per column by
 * completeness-field, and repeating them here would double every finding.
 */
import { toJsonRows } from '$core/engine/rows';
import { ident, summaryOf } from '$core/quality/sql';
import type { CheckOutput, CheckSummary, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const summaries: CheckSummary[] = [];
  for (const table of ctx.manifest.tables) {
    ctx.cancel.throwIfCancelled();
    if (!table.columns.length) continue;
    try {
      const empty = table.columns.map((c) => `(count(*) - count(${ident(c.name)}))`).join(' + ');
      const r = toJsonRows(await ctx.conn.query(`SELECT count(*)::BIGINT AS rows, (${empty})::BIGINT AS empty FROM ${ident(table.name)}`))[0];
      summaries.push(summaryOf(ctx, table.name, null, Number(r.rows) * table.columns.length, Number(r.empty)));
    } catch (e) {
      const m = (e as Error).message.split('\n')[0];
      summaries.push(summaryOf(ctx, table.name, null, 0, 0, {}, { en: `This check could not run on ${table.name}: ${m}`, zh: `此检查无法在 ${table.name} 上运行：${m}` }));
    }
  }
  return { summaries, findings: [] };
}
