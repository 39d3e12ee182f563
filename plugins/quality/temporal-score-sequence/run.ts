/**
 * Assessment scores out of sequence, per assessment table (see assessment-columns.ts):
 *  1. a discharge assessment dated before every admission assessment of the same scale (within
 *     the same visit when the table links to one). "Before every" rather than "before the
 *     admission" so a patient with two stays and no visit link is not flagged for the second
 *     admission coming after the first discharge;
 *  2. scores of one scale recorded for the same patient at the same time (and timepoint, and
 *     visit) with different values: one of them is wrong. Only where the time has a time of day
 *     or a timepoint tells the assessments apart: two NIHSS on one date are normal.
 */
import { evaluateAll, ident, literal, patientIdSql, recordIdSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';
import { assessmentTables, isAdmissionSql, isDischargeSql, type AssessmentColumns } from './assessment-columns';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const queries: ViolationQuery[] = [];
  for (const a of assessmentTables(ctx.manifest)) {
    if (a.time && a.timepoint) queries.push(dischargeBeforeAdmission(a));
    if (a.time && (a.timeOfDay || a.timepoint)) queries.push(sameTimeDifferentScore(a));
  }
  return evaluateAll(ctx, queries);
}

function groupKeys(a: AssessmentColumns, alias: string): string[] {
  return [a.table.patient_key, a.scale, ...(a.visit ? [a.visit] : [])].map((c) => `${alias}.${ident(c)}`);
}

function dischargeBeforeAdmission(a: AssessmentColumns): ViolationQuery {
  const t = ident(a.table.name);
  const when = (alias: string) => `TRY_CAST(${alias}.${ident(a.time!)} AS TIMESTAMP)`;
  const keysD = groupKeys(a, 'd');
  const keysA = groupKeys(a, 'x');
  // Shown as the column holds it: a date stays a date.
  const shown = a.timeOfDay ? 'CAST(adm.first_admission AS VARCHAR)' : 'CAST(CAST(adm.first_admission AS DATE) AS VARCHAR)';
  return {
    table: a.table.name,
    column: a.time!,
    checkedSql: `SELECT count(*)::BIGINT AS n FROM ${t} d WHERE ${isDischargeSql(`d.${ident(a.timepoint!)}`)} AND ${when('d')} IS NOT NULL`,
    violationsSql: `WITH adm AS (
        SELECT ${keysA.map((k, i) => `${k} AS k${i}`).join(', ')}, min(${when('x')}) AS first_admission
        FROM ${t} x WHERE ${isAdmissionSql(`x.${ident(a.timepoint!)}`)} AND ${when('x')} IS NOT NULL GROUP BY ALL)
      SELECT ${recordIdSql(a.table, 'd')} AS record_id, ${patientIdSql(a.table, 'd')} AS patient_id, d.${ident(a.score)} AS value,
        CAST(${when('d')} AS DATE) AS time,
        CAST(d.${ident(a.scale)} AS VARCHAR) || ' ' || CAST(d.${ident(a.timepoint!)} AS VARCHAR) || ${literal(' assessment dated ')} || CAST(d.${ident(a.time!)} AS VARCHAR)
          || ${literal(' before the admission assessment of ')} || ${shown} AS detail_en,
        CAST(d.${ident(a.scale)} AS VARCHAR) || ' ' || CAST(d.${ident(a.timepoint!)} AS VARCHAR) || ${literal(' 评估日期 ')} || CAST(d.${ident(a.time!)} AS VARCHAR)
          || ${literal(' 早于入院评估日期 ')} || ${shown} AS detail_zh
      FROM ${t} d JOIN adm ON ${keysD.map((k, i) => `${k} IS NOT DISTINCT FROM adm.k${i}`).join(' AND ')}
      WHERE ${isDischargeSql(`d.${ident(a.timepoint!)}`)} AND ${when('d')} < adm.first_admission`,
  };
}

function sameTimeDifferentScore(a: AssessmentColumns): ViolationQuery {
  const t = ident(a.table.name);
  const cols = [a.table.patient_key, a.scale, a.time!, ...(a.timepoint ? [a.timepoint] : []), ...(a.visit ? [a.visit] : [])];
  const part = cols.map((c) => `x.${ident(c)}`).join(', ');
  const score = `x.${ident(a.score)}`;
  return {
    table: a.table.name,
    column: a.score,
    checkedSql: `SELECT count(*)::BIGINT AS n FROM ${t} WHERE ${ident(a.score)} IS NOT NULL AND ${ident(a.time!)} IS NOT NULL`,
    // Candidate groups by a hash aggregation first (min <> max: no string work on the ~all groups
    // that agree); the list of scores is built on the few clashing rows only.
    violationsSql: `WITH clash AS (
        SELECT ${cols.map((c, i) => `x.${ident(c)} AS k${i}`).join(', ')}
        FROM ${t} x WHERE ${score} IS NOT NULL AND x.${ident(a.time!)} IS NOT NULL
        GROUP BY ${part} HAVING min(${score}) <> max(${score})),
      hit AS (
        SELECT x.*, array_to_string(list_sort(list_distinct(list(CAST(${score} AS VARCHAR)) OVER (PARTITION BY ${cols.map((_, i) => `clash.k${i}`).join(', ')}))), ', ') AS __scores
        FROM ${t} x JOIN clash ON ${cols.map((c, i) => `x.${ident(c)} IS NOT DISTINCT FROM clash.k${i}`).join(' AND ')}
        WHERE ${score} IS NOT NULL)
      SELECT ${recordIdSql(a.table, 'x')} AS record_id, ${patientIdSql(a.table, 'x')} AS patient_id, ${score} AS value,
        TRY_CAST(x.${ident(a.time!)} AS DATE) AS time,
        CAST(x.${ident(a.scale)} AS VARCHAR) || ${literal(' scores ')} || x.__scores || ${literal(' recorded at the same time ')} || CAST(x.${ident(a.time!)} AS VARCHAR)
          ${a.timepoint ? `|| ' (' || CAST(x.${ident(a.timepoint)} AS VARCHAR) || ')'` : ''} AS detail_en,
        CAST(x.${ident(a.scale)} AS VARCHAR) || ${literal(' 在同一时间 ')} || CAST(x.${ident(a.time!)} AS VARCHAR)
          ${a.timepoint ? `|| '（' || CAST(x.${ident(a.timepoint)} AS VARCHAR) || '）'` : ''} || ${literal(' 记录了不同分值：')} || x.__scores AS detail_zh
      FROM hit x`,
  };
}
