/**
 * Unit errors. Per code and unit, the quartiles of log values give fences; a value outside the
 * outer fence whose conversion by a known conventional/SI factor (for the column's unit) lands
 * inside the inner fence is reported with the unit it was probably written in. Log scale because
 * a unit mix-up multiplies: it is a shift in logs whatever the level.
 */
import { codeUnitStats } from '$core/quality/code-stats';
import { codedMeasurements, conversionsFor, lnPositive } from '$core/quality/measurements';
import { evaluateAll, ident, literal, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const outer = ctx.options.outer_fence ?? 3;
  const inner = ctx.options.inner_fence ?? 1.5;
  const minGroup = ctx.options.min_group ?? 30;
  const queries: ViolationQuery[] = [];
  for (const { table, column: col, ...cu } of codedMeasurements(ctx.manifest.tables)) {
    const code = ident(cu.code);
    const unit = ident(cu.unit);
    ctx.cancel.throwIfCancelled();
    const v = ident(col);
    // Each code and unit's log quartiles and how many values it has (the rows this check looks
    // at), from the scan the outlier check shares, so the count needs no pass of its own.
    const groups = (await codeUnitStats(ctx, table, cu.code, cu.unit, col)).filter((g) => g.unit !== null && g.positive >= minGroup);
    const fences: string[] = [];
    const factors: string[] = [];
    let checked = 0;
    for (const g of groups) {
      const q1 = Number(g.q1);
      const q3 = Number(g.q3);
      const iqr = q3 - q1;
      const conversions = conversionsFor(String(g.unit));
      if (!(iqr > 0) || !conversions.length) continue;
      checked += g.n;
      const key = `${literal(g.code)}, ${literal(String(g.unit))}`;
      fences.push(`(${key}, ${q1 - outer * iqr}, ${q3 + outer * iqr})`);
      for (const c of conversions) factors.push(`(${key}, ${q1 - inner * iqr}, ${q3 + inner * iqr}, ${c.factor}, ${literal(c.other)})`);
    }
    if (!fences.length) continue;
    // Two steps: the values outside the outer fence (every row joins one row per code and unit),
    // then only those few against each conversion of their unit (up to six rows per unit: joining
    // every row to them cost 1.7 s on 2.6 million lab results).
    const outside = `SELECT ${recordIdSql(table, 't')} AS record_id, ${patientIdSql(table, 't')} AS patient_id, t.${v} AS value, ${timeSql(table, 't')} AS time, f.code, f.unit
        FROM ${ident(table.name)} t JOIN (VALUES ${fences.join(', ')}) AS f(code, unit, lo_out, hi_out) ON CAST(t.${code} AS VARCHAR) = f.code AND CAST(t.${unit} AS VARCHAR) = f.unit
        WHERE t.${v} > 0 AND (${lnPositive('t.' + v)} < f.lo_out OR ${lnPositive('t.' + v)} > f.hi_out)`;
    queries.push({
      table: table.name,
      column: col,
      // Rows checked: those of a code and unit that has a known conversion.
      checkedSql: `SELECT ${checked}::BIGINT AS n`,
      violationsSql: `SELECT o.record_id, o.patient_id, o.value, o.time,
          o.code || ' ' || CAST(o.value AS VARCHAR) || ' ' || k.unit || ': looks like ' || k.other || ' (= ' || CAST(round(o.value * k.factor, 1) AS VARCHAR) || ' ' || k.unit || ')' AS detail_en,
          o.code || ' ' || CAST(o.value AS VARCHAR) || ' ' || k.unit || '：疑似以 ' || k.other || ' 记录（= ' || CAST(round(o.value * k.factor, 1) AS VARCHAR) || ' ' || k.unit || '）' AS detail_zh
        FROM (${outside}) o JOIN (VALUES ${factors.join(', ')}) AS k(code, unit, lo_in, hi_in, factor, other) ON o.code = k.code AND o.unit = k.unit
        WHERE ${lnPositive('o.value * k.factor')} BETWEEN k.lo_in AND k.hi_in
        QUALIFY row_number() OVER (PARTITION BY o.record_id ORDER BY abs(${lnPositive('o.value * k.factor')} - (k.lo_in + k.hi_in) / 2)) = 1`,
    });
  }
  return evaluateAll(ctx, queries);
}
