/**
 * Unit errors. Per code and unit, the quartiles of log values give fences; a value outside the
 * outer fence whose conversion by a known conventional/SI factor (for the column's unit) lands
 * inside the inner fence is reported with the unit it was probably written in. Log scale because
 * a unit mix-up multiplies: it is a shift in logs whatever the level.
 */
import { toJsonRows } from '$core/engine/rows';
import { conversionsFor, codeAndUnitColumns, measurementColumns } from '$core/quality/measurements';
import { evaluateAll, ident, literal, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const outer = ctx.options.outer_fence ?? 3;
  const inner = ctx.options.inner_fence ?? 1.5;
  const minGroup = ctx.options.min_group ?? 30;
  const queries: ViolationQuery[] = [];
  for (const table of ctx.manifest.tables) {
    const cu = codeAndUnitColumns(table);
    if (!cu) continue;
    const code = ident(cu.code);
    const unit = ident(cu.unit);
    for (const col of measurementColumns(table)) {
      ctx.cancel.throwIfCancelled();
      const v = ident(col);
      const lnv = (x: string) => `ln(CASE WHEN ${x} > 0 THEN ${x} END)`;
      // One scan gives each code and unit's log quartiles and how many values it has (the rows
      // this check looks at), so the count needs no second pass over the table.
      const groups = toJsonRows(await ctx.conn.query(
        `SELECT CAST(${code} AS VARCHAR) AS code, CAST(${unit} AS VARCHAR) AS unit,
           approx_quantile(${lnv(v)}, 0.25) FILTER (WHERE ${v} > 0) AS q1, approx_quantile(${lnv(v)}, 0.75) FILTER (WHERE ${v} > 0) AS q3,
           count(${v})::BIGINT AS n
         FROM ${ident(table.name)} WHERE ${code} IS NOT NULL AND ${unit} IS NOT NULL GROUP BY 1, 2 HAVING count(*) FILTER (WHERE ${v} > 0) >= ${minGroup}`,
      ));
      const rows: string[] = [];
      let checked = 0;
      for (const g of groups) {
        const q1 = Number(g.q1);
        const q3 = Number(g.q3);
        const iqr = q3 - q1;
        if (!(iqr > 0)) continue;
        const conversions = conversionsFor(String(g.unit));
        if (conversions.length) checked += Number(g.n);
        for (const c of conversions) {
          rows.push(`(${literal(String(g.code))}, ${literal(String(g.unit))}, ${q1 - outer * iqr}, ${q3 + outer * iqr}, ${q1 - inner * iqr}, ${q3 + inner * iqr}, ${c.factor}, ${literal(c.other)})`);
        }
      }
      if (!rows.length) continue;
      const k = `(VALUES ${rows.join(', ')}) AS k(code, unit, lo_out, hi_out, lo_in, hi_in, factor, other)`;
      const join = `FROM ${ident(table.name)} t JOIN ${k} ON CAST(t.${code} AS VARCHAR) = k.code AND CAST(t.${unit} AS VARCHAR) = k.unit`;
      queries.push({
        table: table.name,
        column: col,
        // Rows checked: those of a code and unit that has a known conversion.
        checkedSql: `SELECT ${checked}::BIGINT AS n`,
        violationsSql: `SELECT ${recordIdSql(table, 't')} AS record_id, ${patientIdSql(table, 't')} AS patient_id, t.${v} AS value, ${timeSql(table, 't')} AS time,
            CAST(t.${code} AS VARCHAR) || ' ' || CAST(t.${v} AS VARCHAR) || ' ' || k.unit || ': looks like ' || k.other || ' (= ' || CAST(round(t.${v} * k.factor, 1) AS VARCHAR) || ' ' || k.unit || ')' AS detail_en,
            CAST(t.${code} AS VARCHAR) || ' ' || CAST(t.${v} AS VARCHAR) || ' ' || k.unit || '：疑似以 ' || k.other || ' 记录（= ' || CAST(round(t.${v} * k.factor, 1) AS VARCHAR) || ' ' || k.unit || '）' AS detail_zh
          ${join}
          WHERE t.${v} > 0 AND (${lnv('t.' + v)} < k.lo_out OR ${lnv('t.' + v)} > k.hi_out) AND ${lnv(`t.${v} * k.factor`)} BETWEEN k.lo_in AND k.hi_in
          QUALIFY row_number() OVER (PARTITION BY ${recordIdSql(table, 't')} ORDER BY abs(${lnv(`t.${v} * k.factor`)} - (k.lo_in + k.hi_in) / 2)) = 1`,
      });
    }
  }
  return evaluateAll(ctx, queries);
}
