/** Foreign keys resolve: an anti-join per declared foreign key. */
import { toJsonRows } from '$core/engine/rows';
import { countSql, evaluateAll, ident, literal, patientIdSql, recordIdSql, tableOf, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const types = new Map<string, string>();
  for (const r of toJsonRows(await ctx.conn.query('SELECT table_name, column_name, data_type FROM information_schema.columns'))) {
    types.set(`${r.table_name}.${r.column_name}`, String(r.data_type));
  }
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    for (const fk of table.foreign_keys) {
      if (!tableOf(ctx.manifest, fk.references.table)) continue;
      const c = `c.${ident(fk.column)}`;
      // Same types: a plain anti-join (hash join, fast); different types: compared as text.
      // Written ANTI JOIN: DuckDB planned the same NOT EXISTS 2x slower (0.37 vs 0.17 s on 6.6
      // million vital signs).
      const same = types.get(`${table.name}.${fk.column}`) === types.get(`${fk.references.table}.${fk.references.column}`);
      const left = same ? c : `CAST(${c} AS VARCHAR)`;
      const right = same ? `r.${ident(fk.references.column)}` : `CAST(r.${ident(fk.references.column)} AS VARCHAR)`;
      const target = `${fk.references.table}.${fk.references.column}`;
      queries.push({
        table: table.name,
        column: fk.column,
        checkedSql: countSql(table, `${ident(fk.column)} IS NOT NULL`),
        violationsSql: `SELECT ${recordIdSql(table, 'c')} AS record_id, ${patientIdSql(table, 'c')} AS patient_id, ${c} AS value, ${timeSql(table, 'c')} AS time,
            ${literal(`${fk.column} = `)} || CAST(${c} AS VARCHAR) || ${literal(` not found in ${target}`)} AS detail_en,
            ${literal(`${fk.column} = `)} || CAST(${c} AS VARCHAR) || ${literal(` 在 ${target} 中不存在`)} AS detail_zh
          FROM ${ident(table.name)} c ANTI JOIN ${ident(fk.references.table)} r ON ${right} = ${left}
          WHERE ${c} IS NOT NULL`,
      });
    }
  }
  return evaluateAll(ctx, queries);
}
