/**
 * Sex-specific ICD-10 codes (DQD's plausibleGender): for every ICD-10 code column of a table
 * linked to patients, the rows whose code is reserved for one sex while the patient table says
 * the other. Columns are found from the manifest: a declared code_system "ICD-10…", a catalogue
 * code list of ICD-10-looking codes read from one column, or a column named like icd10 with no
 * code system declared; the last kind is kept only if a sample of its values looks like ICD-10,
 * so a column called "icd" holding ICD-9 numbers is not misread.
 */
import { toJsonRows } from '$core/engine/rows';
import { evaluateAll, ident, literal, patientIdSql, patientTable, recordIdSql, timeSql, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';
import { codeRangeLabelSql, codeSexSql, ICD10_LOOK, SEX_SPECIFIC_RANGES, icd10Candidates, sexCodeLabels, sexColumn, sexSql } from './sex-codes';

/** Share of sampled values that must look like ICD-10 for a column found by name. */
const LOOKS_ICD10 = 0.8;
const SAMPLE = 5000;

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const patients = patientTable(ctx.manifest);
  const sex = patients && sexColumn(patients);
  if (!patients || !sex) return { summaries: [], findings: [] };
  const patientSex = sexSql(`p.${ident(sex.name)}`, sexCodeLabels(ctx.manifest, sex.name));

  const queries: ViolationQuery[] = [];
  for (const { table, column, byNameOnly } of icd10Candidates(ctx.manifest)) {
    ctx.cancel.throwIfCancelled();
    const col = ident(column.name);
    const norm = `upper(replace(trim(CAST(x.${col} AS VARCHAR)), '.', ''))`;
    if (byNameOnly) {
      const [s] = toJsonRows(await ctx.conn.query(
        `SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE regexp_full_match(upper(trim(v)), ${literal(ICD10_LOOK)}))::BIGINT AS icd
         FROM (SELECT CAST(${col} AS VARCHAR) AS v FROM ${ident(table.name)} WHERE ${col} IS NOT NULL LIMIT ${SAMPLE})`,
      ));
      if (!Number(s.n) || Number(s.icd) / Number(s.n) < LOOKS_ICD10) continue;
    }
    // A cheap first-letter test before the range CASE: most codes (I, E, Z, ...) stop here.
    const firstLetters = `upper(left(trim(CAST(x.${col} AS VARCHAR)), 1)) IN (${[...new Set(SEX_SPECIFIC_RANGES.map((r) => `'${r.from[0]}'`))].join(', ')})`;
    // Codes reserved for one sex, on patients whose sex is known: the rows that can contradict.
    const coded = `SELECT ${recordIdSql(table, 'x')} AS record_id, ${patientIdSql(table, 'x')} AS patient_id, CAST(x.${col} AS VARCHAR) AS code,
        ${timeSql(table, 'x')} AS time, ${codeSexSql(norm)} AS code_sex, ${codeRangeLabelSql(norm)} AS block, ${patientSex} AS patient_sex
      FROM ${ident(table.name)} x JOIN ${ident(patients.name)} p ON p.${ident(patients.patient_key)} = x.${ident(table.patient_key)}
      WHERE ${firstLetters} AND ${codeSexSql(norm)} IS NOT NULL AND ${patientSex} IS NOT NULL`;
    queries.push({
      table: table.name,
      column: column.name,
      checkedSql: `SELECT count(*)::BIGINT AS n FROM (${coded})`,
      violationsSql: `SELECT record_id, patient_id, code AS value, time,
          code || ' (' || block || ') is a ' || code_sex || '-only code; the patient is ' || patient_sex AS detail_en,
          code || '（' || block || '）仅适用于' || CASE code_sex WHEN 'female' THEN '女性' ELSE '男性' END || '，而患者为' || CASE patient_sex WHEN 'female' THEN '女性' ELSE '男性' END AS detail_zh
        FROM (${coded}) WHERE code_sex <> patient_sex`,
    });
  }
  return evaluateAll(ctx, queries);
}
