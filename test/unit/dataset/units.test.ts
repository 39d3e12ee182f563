// Unit normalisation by the unit column: the demo's codes and units, and a lab table with mixed
// units (glucose in mmol/L, mg/dL and an unknown unit) converted row by row before aggregation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import type { RegistryManifest } from '$core/registry/types';
import { materializeAllPatients } from '$core/dataset/all-patients';
import { buildDataset } from '$core/dataset/build';
import { codedTables, listCodes } from '$core/dataset/codes';
import { targetUnits, unitNormalisation } from '$core/dataset/units';
import { openDemo, rows } from './demo';

let conn: Connector;
let manifest: RegistryManifest;
beforeAll(async () => {
  ({ conn, manifest } = await openDemo());
});
afterAll(async () => conn.close());

describe('codes and units', () => {
  it('lists the coded measurement tables and the codes of lab_result with names, units and counts', async () => {
    const tables = codedTables(manifest);
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['lab_result', 'vital_sign']));
    const lab = tables.find((t) => t.table === 'lab_result')!;
    expect(lab).toMatchObject({ codeColumn: 'loinc', valueColumn: 'value', timeColumn: 'collected_at', nameColumn: 'test_name', unitColumn: 'unit' });
    const codes = await listCodes(conn, lab);
    const creat = codes.find((c) => c.code === '2160-0')!;
    const n = (await rows(conn, "SELECT count(*)::INTEGER AS n FROM lab_result WHERE loinc = '2160-0'"))[0].n;
    expect(creat).toEqual({ code: '2160-0', name: 'Creatinine', rows: n, units: [{ unit: 'umol/L', rows: n }] });
    expect(targetUnits('2160-0', ['umol/L'])).toEqual(['umol/L', 'mg/dL']);
    expect(targetUnits('4548-4', ['%'])).toEqual(['%']);
    expect(unitNormalisation('2160-0', 'unit', 'mg/dL', ['umol/L', 'µmol/L', 'mg/dL', 'mg/dl'])).toEqual({
      column: 'unit',
      target: 'mg/dL',
      conversions: [{ from: 'umol/L', factor: 1 / 88.42 }, { from: 'µmol/L', factor: 1 / 88.42 }, { from: 'mg/dl', factor: 1 }],
    });
  });

  it('converts each row by its unit before taking the mean; rows in an unknown unit are left out', async () => {
    await conn.query(`CREATE OR REPLACE TABLE lab_mixed AS SELECT * FROM (VALUES
      (1, '2345-7', 5.5, 'mmol/L', TIMESTAMP '2020-01-01 08:00:00'),
      (1, '2345-7', 100.0, 'mg/dL', TIMESTAMP '2020-01-02 08:00:00'),
      (1, '2345-7', 7.0, 'weird', TIMESTAMP '2020-01-03 08:00:00'),
      (2, '2345-7', 90.0, 'mg/dl', TIMESTAMP '2020-01-02 08:00:00')
    ) v(patient_id, loinc, value, unit, collected_at)`);
    await conn.query(`CREATE OR REPLACE TABLE __ds_cohort_units AS SELECT * FROM (VALUES (1, DATE '2020-01-05', DATE '2021-01-01', 'end_of_data'), (2, DATE '2020-01-05', DATE '2021-01-01', 'end_of_data')) v(patient_id, index_date, exit_date, exit_reason)`);
    const lab = manifest.tables.find((t) => t.name === 'lab_result')!;
    const m: RegistryManifest = { ...manifest, tables: [...manifest.tables, { ...lab, name: 'lab_mixed', file: 'none' }] };
    const unit = unitNormalisation('2345-7', 'unit', 'mg/dL', ['mmol/L', 'mg/dL', 'weird', 'mg/dl']);
    const built = await buildDataset(conn, m, {
      format: '1', name: 'units', registryId: 'stroke-demo', cohort: { kind: 'table', table: '__ds_cohort_units' },
      features: [
        { kind: 'window', name: 'glucose_mean', source: { kind: 'table', table: 'lab_mixed', codeColumn: 'loinc', codes: ['2345-7'], valueColumn: 'value', timeColumn: 'collected_at', unit }, window: { start: -30, end: 0 }, aggregate: 'mean' },
        { kind: 'window', name: 'glucose_n', source: { kind: 'table', table: 'lab_mixed', codeColumn: 'loinc', codes: ['2345-7'], valueColumn: 'value', timeColumn: 'collected_at', unit }, window: { start: -30, end: 0 }, aggregate: 'count' },
      ],
    }, '__ds_cohort_units');
    expect(built.columns.find((c) => c.name === 'glucose_mean')!.unit).toBe('mg/dL');
    const r = await rows(conn, 'SELECT patient_id, glucose_mean, glucose_n FROM ds_units ORDER BY 1');
    expect(r[0].glucose_mean as number).toBeCloseTo((5.5 * 18.016 + 100) / 2, 10);
    // count counts records, whatever their unit.
    expect(r[0].glucose_n).toBe(3);
    expect(r[1].glucose_mean).toBe(90);
  });
});
