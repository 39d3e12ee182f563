/**
 * Robust outliers per code and unit: z = |ln v - median| / (IQR / 1.349) on log values (clinical
 * measures are right-skewed; in logs a CRP of 130 among 3s is not an outlier, 1,100 mmHg is).
 * A group whose values are all positive flags zero or negative values outright.
 */
import { codedMeasurements, lnPositive } from '$core/quality/measurements';
import { codeUnitStats } from '$core/quality/code-stats';
import { evaluateAll, ident, literal, NO_VIOLATIONS, patientIdSql, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const z = ctx.options.z ?? 6;
  const minGroup = ctx.options.min_group ?? 30;
  const queries: ViolationQuery[] = [];
  for (const { table, column: col, ...cu } of codedMeasurements(ctx.manifest.tables)) {
    const code = ident(cu.code);
    const unit = ident(cu.unit);
    const v = ident(col);
    // Groups of positive measures: at least 99% of a group's values above zero. Robust scale from
    // the quartiles (IQR / 1.349, as the MAD for normal data). The groups' statistics (shared
    // with the unit-error check) go into the violations query as a small VALUES table, so the
    // table is not scanned for them twice; the rows checked are the groups' counts. Numbers
    // travel as text cast to DOUBLE: exact, unlike a DECIMAL literal.
    const groups = (await codeUnitStats(ctx, table, cu.code, cu.unit, col))
      .filter((g) => g.n >= minGroup && 100 * g.positive >= 99 * g.n)
      .map((g) => ({ ...g, sd: g.q1 === null || g.q3 === null ? null : (g.q3 - g.q1) / 1.349 }));
    const checked = groups.reduce((n, g) => n + g.n, 0);
    const spread = groups.filter((g) => g.sd !== null && g.sd > 0);
    if (!spread.length) {
      queries.push({ table: table.name, column: col, checkedSql: `SELECT ${checked}::BIGINT AS n`, violationsSql: NO_VIOLATIONS });
      continue;
    }
    const dbl = (x: unknown) => `CAST(${literal(String(x))} AS DOUBLE)`;
    const values = spread.map((g) => `(${literal(g.code)}, ${g.unit === null ? 'NULL' : literal(g.unit)}, ${dbl(g.median)}, ${dbl(g.sd)})`);
    const join = `FROM ${ident(table.name)} t JOIN (VALUES ${values.join(', ')}) AS g(code, unit, med, sd)
        ON g.code = CAST(t.${code} AS VARCHAR) AND g.unit IS NOT DISTINCT FROM CAST(t.${unit} AS VARCHAR)`;
    const score = `CASE WHEN t.${v} <= 0 THEN NULL ELSE abs(${lnPositive('t.' + v)} - g.med) / g.sd END`;
    queries.push({
      table: table.name,
      column: col,
      checkedSql: `SELECT ${checked}::BIGINT AS n`,
      violationsSql: `SELECT ${recordIdSql(table, 't')} AS record_id, ${patientIdSql(table, 't')} AS patient_id, t.${v} AS value, ${timeSql(table, 't')} AS time,
          CAST(t.${code} AS VARCHAR) || ' = ' || CAST(t.${v} AS VARCHAR) || ' ' || coalesce(CAST(t.${unit} AS VARCHAR), '') || CASE WHEN t.${v} <= 0 THEN ' (not positive)' ELSE ' (robust z ' || CAST(round(${score}, 1) AS VARCHAR) || ', typical ' || CAST(round(exp(g.med), 2) AS VARCHAR) || ')' END AS detail_en,
          CAST(t.${code} AS VARCHAR) || ' = ' || CAST(t.${v} AS VARCHAR) || ' ' || coalesce(CAST(t.${unit} AS VARCHAR), '') || CASE WHEN t.${v} <= 0 THEN '（非正数）' ELSE '（稳健 z ' || CAST(round(${score}, 1) AS VARCHAR) || '，典型值 ' || CAST(round(exp(g.med), 2) AS VARCHAR) || '）' END AS detail_zh
        ${join}
        WHERE t.${v} IS NOT NULL AND (t.${v} <= 0 OR ${score} > ${z})`,
    });
  }
  return evaluateAll(ctx, queries);
}
