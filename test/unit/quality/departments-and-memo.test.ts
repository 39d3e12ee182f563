// A finding's department is looked up by its record id in the key's own type (one-column key),
// by rowid (no key) or as text (composite key); an id that is no key of the table matches nothing
// and breaks nothing. Checks of one run share scans through the run's memo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { attachDepartments } from '$core/quality/department';
import { runQuality } from '$core/quality/runner';
import { shared } from '$core/quality/shared';
import type { Finding } from '$core/quality/types';
import { buildFixture } from './fixture';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
});
afterAll(async () => {
  await conn.close();
});

const finding = (table: string, record_id: string): Finding => ({
  check: 't', category: 'plausibility', severity: 'warning', table, column: null, record_id, patient_id: null, detail: { en: '', zh: '' }, value: null, time: null,
});

describe('departments of findings', () => {
  it('match one-column, rowid and composite keys, and ignore ids that are no key', async () => {
    const m = await buildFixture(conn, 'deps', [
      { name: 'visit', primary_key: ['visit_id'], columns: [['visit_id', 'integer'], ['patient_id', 'integer'], ['department', 'categorical']], sql: "SELECT * FROM (VALUES (1, 1, 'Neuro'), (2, 2, 'ICU')) v(visit_id, patient_id, department)" },
      { name: 'lab', primary_key: ['lab_id'], foreign_keys: [{ column: 'visit_id', references: { table: 'visit', column: 'visit_id' } }], columns: [['lab_id', 'integer'], ['patient_id', 'integer'], ['visit_id', 'integer']], sql: 'SELECT * FROM (VALUES (10, 1, 1), (11, 2, 2)) v(lab_id, patient_id, visit_id)' },
      { name: 'loose', primary_key: [], foreign_keys: [{ column: 'visit_id', references: { table: 'visit', column: 'visit_id' } }], columns: [['patient_id', 'integer'], ['visit_id', 'integer']], sql: 'SELECT * FROM (VALUES (1, 1), (2, 2)) v(patient_id, visit_id)' },
      { name: 'pair', primary_key: ['a', 'b'], columns: [['a', 'integer'], ['b', 'categorical'], ['patient_id', 'integer'], ['ward', 'categorical']], sql: "SELECT * FROM (VALUES (1, 'x', 1, 'Stroke unit'), (1, 'y', 2, 'Rehab')) v(a, b, patient_id, ward)" },
    ]);
    const fs = [finding('lab', '11'), finding('lab', 'not-a-key'), finding('lab', '99999999999999'), finding('loose', '1'), finding('pair', '1|y'), finding('pair', '1|z')];
    await attachDepartments(conn, m, fs);
    expect(fs.map((f) => f.department)).toEqual(['ICU', undefined, undefined, 'ICU', 'Rehab', undefined]);
  });
});

describe('the run memo', () => {
  it('computes a shared result once per run and forgets a failure', async () => {
    const ctx = { shared: new Map<string, Promise<unknown>>() };
    let runs = 0;
    const one = () => shared(ctx, 'k', async () => ++runs);
    expect([await one(), await one(), runs]).toEqual([1, 1, 1]);
    await expect(shared(ctx, 'bad', async () => { throw new Error('no'); })).rejects.toThrow('no');
    await Promise.resolve();
    expect(await shared(ctx, 'bad', async () => 'yes')).toBe('yes');
  });

  it('lets the outlier and unit-error checks run alone or together with the same verdicts', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `(${i + 1}, ${i + 1}, '2345-7', 'mg/dL', ${90 + (i % 20)})`).concat(["(61, 61, '2345-7', 'mg/dL', 6.1)"]);
    const m = await buildFixture(conn, 'memo', [
      { name: 'lab', primary_key: ['lab_id'], columns: [['lab_id', 'integer'], ['patient_id', 'integer'], ['loinc', 'categorical', 'LOINC'], ['unit', 'categorical'], ['value', 'numeric']], sql: `SELECT * FROM (VALUES ${rows.join(', ')}) v(lab_id, patient_id, loinc, unit, value)` },
    ]);
    const run = (only: string[]) => runQuality({ conn, manifest: m, registryId: m.id, config: { disabled: [], thresholds: {}, userRules: [] }, only, manifestRules: false });
    const verdicts = (r: Awaited<ReturnType<typeof run>>, check: string) => r.summaries.filter((s) => s.check === check).map((s) => [s.checked, s.violating]);
    const both = await run(['plausibility-outlier', 'plausibility-unit-error']);
    const outlier = await run(['plausibility-outlier']);
    const unit = await run(['plausibility-unit-error']);
    expect(verdicts(both, 'plausibility-outlier')).toEqual(verdicts(outlier, 'plausibility-outlier'));
    expect(verdicts(both, 'plausibility-unit-error')).toEqual(verdicts(unit, 'plausibility-unit-error'));
    // The glucose of 6.1 in a mg/dL column is a unit error (and explains the outlier).
    expect(verdicts(unit, 'plausibility-unit-error')).toEqual([[61, 1]]);
    expect(unit.findings.map((f) => f.record_id)).toEqual(['61']);
    expect(both.findings.map((f) => f.check)).toEqual(['plausibility-unit-error']);
  });
});
