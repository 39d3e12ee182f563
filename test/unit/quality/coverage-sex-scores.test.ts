// The checks for patient coverage, empty cells per table, sex-specific ICD-10 codes and score
// sequences: on a small hand-made registry whose every violation is planted and known, then on
// the demo registry to show they do not flood it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { toJsonRows } from '$core/engine/rows';
import { runQuality, type QualityConfig } from '$core/quality/runner';
import type { QualityReport } from '$core/quality/types';
import type { RegistryManifest } from '$core/registry/types';
import { buildFixture } from './fixture';
import { openDemo } from './demo';

const none: QualityConfig = { disabled: [], thresholds: {}, userRules: [] };
const NEW_CHECKS = ['completeness-patient-coverage', 'completeness-table', 'plausibility-sex-codes', 'temporal-score-sequence'];

let conn: Connector;
let manifest: RegistryManifest;

const run = (only: string[], m = manifest, config = none) => runQuality({ conn, manifest: m, registryId: m.id, config, only, manifestRules: false });
const flagged = (r: QualityReport, table?: string) => r.findings.filter((f) => !table || f.table === table).map((f) => f.record_id).sort();

beforeAll(async () => {
  conn = await createNodeConnector();
  manifest = await buildFixture(conn, 'tiny', [
    {
      // 10 patients; sex in English, Chinese, one letter; patient 10 of unknown sex.
      name: 'person', primary_key: ['patient_id'], time_columns: ['index_date'],
      columns: [['patient_id', 'integer'], ['gender', 'categorical'], ['index_date', 'date']],
      sql: `SELECT * FROM (VALUES (1,'F','2021-01-01'),(2,'female','2021-01-01'),(3,'F','2021-01-01'),(4,'F','2021-01-01'),(5,'male','2021-01-01'),
              (6,'M','2021-01-01'),(7,'Male','2021-01-01'),(8,'女','2021-01-01'),(9,'男','2021-01-01'),(10,NULL,'2021-01-01')) v(patient_id, gender, index_date)`,
    },
    {
      // Patients 1-9 have stays (90 %: expected for everyone), patient 10 has none.
      name: 'stay', primary_key: ['stay_id'], time_columns: ['admit_date'],
      columns: [['stay_id', 'integer'], ['patient_id', 'integer'], ['admit_date', 'date']],
      sql: `SELECT 10 * p + k AS stay_id, p AS patient_id, DATE '2021-01-01' + CAST(k AS INTEGER) AS admit_date FROM range(1, 10) a(p), range(1, 4) b(k)`,
    },
    {
      // Only 3 of 10 patients have surgery: not expected of everyone.
      name: 'surgery', primary_key: ['surgery_id'], time_columns: ['op_date'],
      columns: [['surgery_id', 'integer'], ['patient_id', 'integer'], ['op_date', 'date'], ['icd', 'categorical', 'ICD-9-CM-3']],
      sql: `SELECT * FROM (VALUES (1,1,'2021-02-01','68.4'),(2,2,'2021-02-01','60.5'),(3,3,'2021-02-01',NULL)) v(surgery_id, patient_id, op_date, icd)`,
    },
    {
      name: 'dx', primary_key: ['dx_id'], time_columns: ['dx_date'],
      columns: [['dx_id', 'integer'], ['patient_id', 'integer'], ['dx_date', 'date'], ['code', 'categorical', 'ICD-10']],
      sql: `SELECT * FROM (VALUES
              (1, 1, '2021-03-01', 'O80'),     -- pregnancy, woman: fine
              (2, 5, '2021-03-01', 'O80.1'),   -- pregnancy, man: flagged
              (3, 2, '2021-03-01', 'C61'),     -- prostate cancer, woman: flagged
              (4, 9, '2021-03-01', 'N40.0'),   -- prostate hyperplasia, 男: fine
              (5, 8, '2021-03-01', 'n40'),     -- same, lower case, 女: flagged
              (6, 10, '2021-03-01', 'O80'),    -- sex unknown: not judged
              (7, 6, '2021-03-01', 'D07.5'),   -- CIS prostate, man: fine
              (8, 3, '2021-03-01', 'D07.5'),   -- CIS prostate, woman: flagged
              (9, 3, '2021-03-01', 'D07.3'),   -- CIS female genital, woman: fine
              (10, 7, '2021-03-01', 'N75.0'),  -- Bartholin gland, man: flagged
              (11, 4, '2021-03-01', 'I63.9'),  -- stroke: not sex-specific
              (12, 6, '2021-03-01', 'N99.1'),  -- outside N70-N98: not sex-specific
              (13, 6, '2021-03-01', 'O9A.1')   -- last block of chapter XV, man: flagged
            ) v(dx_id, patient_id, dx_date, code)`,
    },
    {
      // Found by its name (no code system declared), and its values look like ICD-10.
      name: 'problem', primary_key: ['problem_id'], time_columns: ['noted'],
      columns: [['problem_id', 'integer'], ['patient_id', 'integer'], ['noted', 'date'], ['icd_10', 'categorical']],
      sql: `SELECT * FROM (VALUES (1, 5, '2021-04-01', 'N83.2'), (2, 1, '2021-04-01', 'N83.2'), (3, 1, '2021-04-01', 'E11')) v(problem_id, patient_id, noted, icd_10)`,
    },
    {
      // Named "icd" but holding ICD-9 numbers (632 = missed abortion): not read as ICD-10.
      name: 'legacy_dx', primary_key: ['legacy_id'], time_columns: ['seen'],
      columns: [['legacy_id', 'integer'], ['patient_id', 'integer'], ['seen', 'date'], ['icd', 'categorical']],
      sql: `SELECT * FROM (VALUES (1, 5, '2015-01-01', '632'), (2, 6, '2015-01-01', '600.0'), (3, 7, '2015-01-01', 'O12')) v(legacy_id, patient_id, seen, icd)`,
    },
    {
      name: 'assessment', primary_key: ['assessment_id'], time_columns: ['assessed_date'],
      foreign_keys: [{ column: 'stay_id', references: { table: 'stay', column: 'stay_id' } }],
      columns: [['assessment_id', 'integer'], ['patient_id', 'integer'], ['stay_id', 'integer'], ['assessed_date', 'date'], ['scale', 'categorical'], ['timepoint', 'categorical'], ['score', 'integer']],
      sql: `SELECT * FROM (VALUES
              (1, 1, 11, '2021-01-05', 'NIHSS', 'admission', 8),
              (2, 1, 11, '2021-01-03', 'NIHSS', 'discharge', 4),   -- discharge before admission: flagged
              (3, 1, 11, '2021-01-05', 'mRS', 'admission', 4),
              (4, 1, 11, '2021-01-10', 'mRS', 'discharge', 2),
              (5, 2, 21, '2021-02-01', 'NIHSS', 'admission', 5),   -- same time, same timepoint,
              (6, 2, 21, '2021-02-01', 'NIHSS', 'admission', 7),   -- different scores: both flagged
              (7, 3, 31, '2021-03-01', 'NIHSS', 'admission', 3),   -- same day, other timepoint: fine
              (8, 3, 31, '2021-03-01', 'NIHSS', 'discharge', 1),
              (9, 4, 41, '2021-04-01', 'NIHSS', 'admission', 6),   -- two stays of one patient:
              (10, 4, 41, '2021-04-10', 'NIHSS', 'discharge', 2),  -- the first discharge is before
              (11, 4, 42, '2021-06-01', 'NIHSS', 'admission', 9),  -- the second admission, and fine
              (12, 4, 42, '2021-06-05', 'NIHSS', 'discharge', 3),
              (13, 4, 43, '2021-07-05', 'NIHSS', 'admission', 9),
              (14, 4, 43, '2021-07-01', 'NIHSS', 'discharge', 3),  -- flagged (third stay)
              (15, 5, 51, '2021-05-05', 'NIHSS', '入院', 10),
              (16, 5, 51, '2021-05-01', 'NIHSS', '出院', 4),       -- flagged (Chinese timepoints)
              (17, 6, 61, '2021-06-01', 'NIHSS', 'admission', NULL), -- an empty score is not a different score
              (18, 6, 61, '2021-06-01', 'NIHSS', 'admission', 5)
            ) v(assessment_id, patient_id, stay_id, assessed_date, scale, timepoint, score)`,
    },
    {
      // No timepoint, times of day: same minute and different totals is a clash, same day is not.
      name: 'gcs', primary_key: ['gcs_id'], time_columns: ['measured_at'],
      columns: [['gcs_id', 'integer'], ['patient_id', 'integer'], ['measured_at', 'datetime'], ['instrument', 'categorical'], ['total', 'integer']],
      sql: `SELECT * FROM (VALUES (1, 1, '2021-01-05 08:00', 'GCS', 15), (2, 1, '2021-01-05 08:00', 'GCS', 9),
              (3, 2, '2021-01-05 08:00', 'GCS', 15), (4, 2, '2021-01-05 20:00', 'GCS', 9)) v(gcs_id, patient_id, measured_at, instrument, total)`,
    },
    {
      // A lab table (test_name/value, no scale column) is not an assessment table.
      name: 'lab', primary_key: ['lab_id'], time_columns: ['taken_at'],
      columns: [['lab_id', 'integer'], ['patient_id', 'integer'], ['taken_at', 'datetime'], ['test_name', 'categorical'], ['value', 'numeric']],
      sql: `SELECT * FROM (VALUES (1, 1, '2021-01-05 08:00', 'glucose', 5.1), (2, 1, '2021-01-05 08:00', 'glucose', 7.3)) v(lab_id, patient_id, taken_at, test_name, value)`,
    },
  ]);
}, 60_000);
afterAll(async () => {
  await conn?.close();
});

describe('patients missing from a table most patients have', () => {
  it('lists the patient missing from a table 90 % of patients have, not those of an optional table', async () => {
    const r = await run(['completeness-patient-coverage']);
    // Expected tables: stay (9/10) and dx (10/10); surgery (3/10), problem, gcs ... are below 90 %.
    const stay = r.summaries.find((s) => s.column === 'stay')!;
    expect(r.summaries.map((s) => s.column).sort()).toEqual(['dx', 'stay']);
    expect(r.summaries.find((s) => s.column === 'dx')).toMatchObject({ checked: 10, violating: 0, passed: true });
    expect(stay).toMatchObject({ table: 'person', checked: 10, violating: 1, percent: 10, passed: false, severity: 'warning' });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ table: 'person', column: 'stay', record_id: '10', patient_id: '10', time: '2021-01-01' });
    expect(r.findings[0].detail.en).toContain('no record in stay (90.0% of patients have one)');
    expect(r.findings[0].detail.zh).toContain('在 stay 中没有任何记录');
  });

  it('the expected coverage and the threshold are tunable', async () => {
    const wider = await run(['completeness-patient-coverage'], manifest, { ...none, thresholds: { 'completeness-patient-coverage': 10 } });
    expect(wider.summaries[0].passed).toBe(true);
    // Asking 95 % coverage, stay (90 %) is no longer expected of everyone; dx (100 %) still is.
    const strict = structuredClone(manifest);
    const { qualityChecks } = await import('$core/quality/discovery');
    const check = structuredClone(qualityChecks.find((c) => c.id === 'completeness-patient-coverage')!);
    check.options = { expected_coverage: 0.95 };
    const r = await runQuality({ conn, manifest: strict, registryId: 'tiny', config: none, only: [check.id], manifestRules: false, checks: [check] });
    expect(r.summaries.map((s) => s.column)).toEqual(['dx']);
    expect(r.findings).toEqual([]);
  });
});

describe('empty cells per table', () => {
  it('counts empty cells over all cells of each table', async () => {
    const r = await run(['completeness-table']);
    const by = Object.fromEntries(r.summaries.map((s) => [s.table, s]));
    expect(by.person).toMatchObject({ checked: 30, violating: 1, column: null, passed: true });
    expect(by.surgery).toMatchObject({ checked: 12, violating: 1 });
    expect(by.assessment).toMatchObject({ checked: 18 * 7, violating: 1 });
    expect(r.findings).toEqual([]);
    const strict = await run(['completeness-table'], manifest, { ...none, thresholds: { 'completeness-table': 3 } });
    expect(strict.summaries.find((s) => s.table === 'person')!.passed).toBe(false);
  });
});

describe("ICD-10 codes that contradict the patient's sex", () => {
  it('flags exactly the planted contradictions, in declared and name-found ICD-10 columns only', async () => {
    const r = await run(['plausibility-sex-codes']);
    expect(flagged(r, 'dx')).toEqual(['10', '13', '2', '3', '5', '8']);
    expect(flagged(r, 'problem')).toEqual(['1']);
    // ICD-9 columns (declared, or found by name but numeric) are not read as ICD-10.
    expect(r.summaries.map((s) => `${s.table}.${s.column}`).sort()).toEqual(['dx.code', 'problem.icd_10']);
    const dx = r.summaries.find((s) => s.table === 'dx')!;
    // Rows that could contradict: sex-specific codes of patients with a known sex (1,2,3,4,5,7,8,9,10,13).
    expect(dx).toMatchObject({ checked: 10, violating: 6, passed: false });
    const f = r.findings.find((x) => x.table === 'dx' && x.record_id === '2')!;
    expect(f).toMatchObject({ column: 'code', patient_id: '5', value: 'O80.1', time: '2021-03-01', severity: 'warning' });
    expect(f.detail.en).toBe('O80.1 (O00–O9A) is a female-only code; the patient is male');
    expect(f.detail.zh).toBe('O80.1（O00–O9A）仅适用于女性，而患者为男性');
  });

  it('reads a numerically coded sex through the catalogue labels, and finds a code column through a catalogue code list', async () => {
    const m = await buildFixture(conn, 'coded', [
      {
        name: 'pt', primary_key: ['patient_id'], columns: [['patient_id', 'integer'], ['sex', 'categorical']],
        sql: `SELECT * FROM (VALUES (1, '1'), (2, '2'), (3, '3')) v(patient_id, sex)`,
      },
      {
        name: 'diag', primary_key: ['diag_id'], columns: [['diag_id', 'integer'], ['patient_id', 'integer'], ['icd10', 'categorical']],
        sql: `SELECT * FROM (VALUES (1, 1, 'O80'), (2, 2, 'O80'), (3, 3, 'O80'), (4, 2, 'C61')) v(diag_id, patient_id, icd10)`,
      },
      {
        // Nothing in its name or type says ICD-10; the catalogue's code list does.
        name: 'episode', primary_key: ['episode_id'], columns: [['episode_id', 'integer'], ['patient_id', 'integer'], ['main_dx', 'categorical']],
        sql: `SELECT * FROM (VALUES (1, 1, 'N40'), (2, 2, 'N40'), (3, 1, 'I63.9')) v(episode_id, patient_id, main_dx)`,
      },
      {
        // ATC codes look a little like ICD-10 (D06AX09 is an antibiotic, not D06); the 4th character tells them apart.
        name: 'rx', primary_key: ['rx_id'], columns: [['rx_id', 'integer'], ['patient_id', 'integer'], ['drug', 'categorical']],
        sql: `SELECT * FROM (VALUES (1, 1, 'D06AX09'), (2, 1, 'C09AA05')) v(rx_id, patient_id, drug)`,
      },
    ], [{
      id: 'treatment.drug', level: 'concept', label: { en: 'Drug', zh: '药物' },
      variable: { type: 'categorical', grain: 'event', sql: 'SELECT patient_id, drug AS value FROM rx', codes: ['D06AX09', 'C09AA05', 'A10BA02'].map((code) => ({ code, label: { en: code, zh: code } })) },
    }, {
      id: 'episode.main_dx', level: 'concept', label: { en: 'Main diagnosis', zh: '主要诊断' },
      variable: { type: 'categorical', grain: 'event', sql: 'SELECT patient_id, main_dx AS value FROM episode', codes: ['I63.9', 'N40', 'O80'].map((code) => ({ code, label: { en: code, zh: code } })) },
    }, {
      id: 'demographics.sex', level: 'concept', label: { en: 'Sex', zh: '性别' },
      variable: { type: 'categorical', grain: 'patient', sql: 'SELECT patient_id, sex AS value FROM pt', codes: [{ code: '1', label: { en: 'Male', zh: '男' } }, { code: '2', label: { en: 'Female', zh: '女' } }, { code: '3', label: { en: 'Other', zh: '其他' } }] },
    }]);
    const r = await run(['plausibility-sex-codes'], m);
    expect(flagged(r, 'diag')).toEqual(['1', '4']);
    expect(flagged(r, 'episode')).toEqual(['2']);
    expect(r.summaries.find((s) => s.table === 'diag')).toMatchObject({ column: 'icd10', checked: 3, violating: 2 });
    expect(r.summaries.find((s) => s.table === 'episode')).toMatchObject({ column: 'main_dx', checked: 2, violating: 1 });
    expect(r.summaries.some((s) => s.table === 'rx')).toBe(false);
  });
});

describe('assessment scores out of sequence', () => {
  it('flags a discharge assessment before admission (per stay) and same-time scores that differ', async () => {
    const r = await run(['temporal-score-sequence']);
    const order = r.summaries.find((s) => s.table === 'assessment' && s.column === 'assessed_date')!;
    const clash = r.summaries.find((s) => s.table === 'assessment' && s.column === 'score')!;
    // 7 discharge assessments; stay 11, stay 43 and the Chinese-labelled stay 51 are out of order.
    expect(order).toMatchObject({ checked: 7, violating: 3, passed: false });
    expect(r.findings.filter((f) => f.column === 'assessed_date').map((f) => f.record_id).sort()).toEqual(['14', '16', '2']);
    expect(clash).toMatchObject({ checked: 17, violating: 2 });
    expect(r.findings.filter((f) => f.table === 'assessment' && f.column === 'score').map((f) => f.record_id).sort()).toEqual(['5', '6']);
    // Without a timepoint, only the same minute counts; the lab table is not an assessment table.
    expect(flagged(r, 'gcs')).toEqual(['1', '2']);
    expect(r.summaries.some((s) => s.table === 'lab')).toBe(false);
    // Without a timepoint there is no admission/discharge order to check in gcs, only same-time clashes.
    expect(r.summaries.filter((s) => s.table === 'gcs').map((s) => s.column)).toEqual(['total']);

    const f2 = r.findings.find((f) => f.record_id === '2' && f.table === 'assessment')!;
    expect(f2).toMatchObject({ patient_id: '1', value: 4, time: '2021-01-03' });
    expect(f2.detail.en).toBe('NIHSS discharge assessment dated 2021-01-03 before the admission assessment of 2021-01-05');
    expect(f2.detail.zh).toContain('早于入院评估日期');
    const f5 = r.findings.find((f) => f.record_id === '5' && f.table === 'assessment')!;
    expect(f5.detail.en).toBe('NIHSS scores 5, 7 recorded at the same time 2021-02-01 (admission)');
  });

  it('pairs admission and discharge across stays when the table has no visit link', async () => {
    const m = structuredClone(manifest);
    m.tables.find((t) => t.name === 'assessment')!.foreign_keys = [];
    const r = await run(['temporal-score-sequence'], m);
    // Patient 4's third discharge (07-01) follows the first admission (04-01): no longer judged; 2 and 16 still are.
    expect(r.findings.filter((f) => f.table === 'assessment' && f.column === 'assessed_date').map((f) => f.record_id).sort()).toEqual(['16', '2']);
  });
});

describe('on the demo registry', () => {
  it('find their columns and do not flood it', async () => {
    const demo = await openDemo();
    try {
      const r = await runQuality({ conn: demo.conn, manifest: demo.manifest, registryId: 'stroke-demo', config: none, only: NEW_CHECKS, manifestRules: false });
      const where = (check: string) => r.summaries.filter((s) => s.check === check).map((s) => `${s.table}.${s.column}`).sort();
      console.table(r.summaries.map((s) => ({ check: s.check, where: `${s.table}.${s.column ?? ''}`, checked: s.checked, violating: s.violating, passed: s.passed })));
      expect(r.summaries.filter((s) => s.error)).toEqual([]);
      // Sex codes: the ICD-10 diagnosis column, not the ICD-9-CM-3 procedure codes.
      expect(where('plausibility-sex-codes')).toEqual(['diagnosis.icd10']);
      // Scores: the nursing assessments (scale, timepoint, score); not labs, vitals or follow-up.
      expect(where('temporal-score-sequence')).toEqual(['nursing_assessment.assessed_date', 'nursing_assessment.score']);
      // Coverage: tables every patient has; procedures, biospecimens and omics are optional.
      const covered = where('completeness-patient-coverage');
      expect(covered).toContain('patient.lab_result');
      expect(covered.some((c) => /procedure|biospecimen|omics/.test(c))).toBe(false);
      expect(where('completeness-table')).toHaveLength(demo.manifest.tables.length);
      // Not flooding: every new verdict passes on the demo, and the findings are a handful at most.
      expect(r.summaries.filter((s) => !s.passed).map((s) => `${s.check} ${s.table}.${s.column}`)).toEqual([]);
      expect(r.findings.length).toBeLessThanOrEqual(10);
      expect(r.findings.every((f) => f.severity === 'warning')).toBe(true);

      // Planted into the demo: a pregnancy code on a man, a discharge NIHSS before admission.
      const [man] = toJsonRows(await demo.conn.query(`SELECT min(d.diagnosis_id) AS id FROM diagnosis d JOIN patient p USING (patient_id) WHERE p.sex = 'M'`));
      await demo.conn.query(`UPDATE diagnosis SET icd10 = 'O03.9' WHERE diagnosis_id = ${man.id}`);
      const [dis] = toJsonRows(await demo.conn.query(`SELECT min(assessment_id) AS id FROM nursing_assessment WHERE scale = 'NIHSS' AND timepoint = 'discharge'`));
      await demo.conn.query(`UPDATE nursing_assessment SET assessed_date = assessed_date - 400 WHERE assessment_id = ${dis.id}`);
      const planted = await runQuality({ conn: demo.conn, manifest: demo.manifest, registryId: 'stroke-demo', config: none, only: ['plausibility-sex-codes', 'temporal-score-sequence'], manifestRules: false });
      expect(planted.findings.map((f) => `${f.check} ${f.table}|${f.record_id}`).sort()).toEqual([
        `plausibility-sex-codes diagnosis|${man.id}`,
        `temporal-score-sequence nursing_assessment|${dis.id}`,
      ]);
    } finally {
      await demo.conn.close();
    }
  }, 120_000);
});
