/**
 * Type conformance. DuckDB already holds typed columns, so what can go wrong is a column that
 * should be numeric but carries text: a declared numeric/date column stored as VARCHAR (a user
 * file), or a text column that is numeric in practice (result_text beside value). One scan per
 * table counts numeric-looking values for every candidate column at once.
 */
import { toJsonRows } from '$core/engine/rows';
import { asText, countSql, evaluateAll, ident, literal, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const share = ctx.options.numeric_share ?? 0.95;
  const minValues = ctx.options.min_values ?? 20;
  const sample = Math.max(100, Math.floor(ctx.options.sample_rows ?? 5000));
  const types = new Map<string, string>();
  for (const r of toJsonRows(await ctx.conn.query('SELECT table_name, column_name, data_type FROM information_schema.columns'))) {
    types.set(`${r.table_name}.${r.column_name}`, String(r.data_type));
  }
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    ctx.cancel.throwIfCancelled();
    const keys = new Set([...table.primary_key, table.patient_key, ...table.foreign_keys.map((f) => f.column)]);
    const candidates = table.columns.filter((c) => !keys.has(c.name) && types.get(`${table.name}.${c.name}`) === 'VARCHAR');
    // (the sample's share decides; the violations are then counted over all rows)
    if (!candidates.length) continue;
    const cast = (c: string, type: string) => (type === 'date' || type === 'datetime' ? `TRY_CAST(${ident(c)} AS TIMESTAMP)` : `TRY_CAST(${ident(c)} AS DOUBLE)`);
    // Whether a text column is numeric in practice is decided on a sample of rows: casting every
    // note of a large registry to a number to learn that notes are text would cost minutes.
    const stats = toJsonRows(await ctx.conn.query(
      `SELECT ${candidates.map((c, i) => `count(${ident(c.name)}) AS n${i}, count(${cast(c.name, c.type)}) AS k${i}`).join(', ')} FROM (SELECT * FROM ${ident(table.name)} LIMIT ${sample})`,
    ))[0];
    candidates.forEach((c, i) => {
      const n = Number(stats[`n${i}`]);
      const k = Number(stats[`k${i}`]);
      const declaredTyped = c.type === 'numeric' || c.type === 'integer' || c.type === 'date' || c.type === 'datetime';
      const numericInPractice = (c.type === 'text' || c.type === 'categorical') && n >= minValues && k >= share * n;
      if (!declaredTyped && !numericInPractice) return;
      const want = c.type === 'date' || c.type === 'datetime' ? 'date' : 'number';
      const wantZh = want === 'date' ? '日期' : '数值';
      const bad = `${ident(c.name)} IS NOT NULL AND trim(CAST(${ident(c.name)} AS VARCHAR)) <> '' AND ${cast(c.name, c.type)} IS NULL`;
      queries.push({
        table: table.name,
        column: c.name,
        checkedSql: countSql(table, `${ident(c.name)} IS NOT NULL`),
        violationsSql: `SELECT ${recordIdSql(table)} AS record_id, ${patientIdSql(table)} AS patient_id, ${ident(c.name)} AS value, ${timeSql(table)} AS time,
          ${literal(`${c.name} should be a ${want}: `)} || ${asText(ident(c.name))} AS detail_en,
          ${literal(`${c.name} 应为${wantZh}：`)} || ${asText(ident(c.name))} AS detail_zh
          FROM ${ident(table.name)} WHERE ${bad}`,
      });
    });
  }
  return evaluateAll(ctx, queries);
}
