// Acceptance: the definition compiled by the builder's compiler selects exactly the patients a
// hand-written SQL query selects on the demo registry, and the reference implementation agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCohort } from '$core/cohort/compile';
import { materializeCohort } from '$core/cohort/materialize';
import { countCohort } from '$core/cohort/run';
import { validateCohort } from '$core/cohort/validate';
import { openDemo, type Demo } from './demo';
import { ACCEPTANCE_SQL, acceptanceDefinition } from './fixtures';
import { ReferenceCohort } from './reference';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => {
  await demo.conn.close();
});

describe('acceptance cohort on the demo registry', () => {
  it('is valid and matches the hand-written SQL patient for patient', async () => {
    const def = acceptanceDefinition(demo.manifest);
    expect(validateCohort(def, demo.manifest)).toEqual([]);
    const expected = (await demo.rows(ACCEPTANCE_SQL)).map((r) => r.patient_id);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThan(2000);
    const got = (await demo.rows(compileCohort(def, demo.manifest).cohortSql)).map((r) => r.patient_id);
    expect(got).toEqual(expected);
  });

  it('attrition decreases step by step and ends at the cohort size; the reference agrees', async () => {
    const def = acceptanceDefinition(demo.manifest);
    const count = await countCohort(demo.conn, demo.manifest, def);
    expect(count.issues).toEqual([]);
    expect(count.steps.map((s) => s.path)).toEqual(['entry', 'rules[0]', 'rules[1]', 'rules[2]', 'rules[3]']);
    expect(count.steps[0].remaining).toBe(2000);
    for (let i = 1; i < count.steps.length; i++) expect(count.steps[i].remaining).toBeLessThanOrEqual(count.steps[i - 1].remaining);
    const ref = await new ReferenceCohort(demo.conn, demo.manifest).run(def);
    expect(count.steps.map((s) => s.remaining)).toEqual(ref.steps);
    expect(count.count).toBe(ref.cohort.length);
  });

  it('materializes one row per patient with index/exit dates and reasons equal to the reference', async () => {
    const def = acceptanceDefinition(demo.manifest);
    const { count } = await materializeCohort(demo.conn, demo.manifest, def, 'cohort_acceptance');
    const types = await demo.rows(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'cohort_acceptance' ORDER BY ordinal_position`);
    expect(types).toEqual([
      { column_name: 'patient_id', data_type: 'INTEGER' },
      { column_name: 'index_date', data_type: 'DATE' },
      { column_name: 'exit_date', data_type: 'DATE' },
      { column_name: 'exit_reason', data_type: 'VARCHAR' },
    ]);
    const rows = await demo.rows('SELECT * FROM cohort_acceptance ORDER BY patient_id');
    expect(rows.length).toBe(count);
    const ref = await new ReferenceCohort(demo.conn, demo.manifest).run(def);
    expect(rows).toEqual(ref.cohort);
    // Followed for a year, exit at 365 days or death: both reasons occur in the demo.
    const reasons = new Set(rows.map((r) => r.exit_reason));
    expect(reasons.has('window_end')).toBe(true);
    expect(reasons.has('death')).toBe(true);
  });
});
