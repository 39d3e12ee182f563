// Every construct of the definition language, compiled to SQL and run on the demo registry, is
// cross-checked against the plain reference implementation (TypeScript over fetched rows): the
// attrition counts, and each patient's index date, exit date and exit reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCohort } from '$core/cohort/compile';
import { countCohort } from '$core/cohort/run';
import type { CohortDefinition, CohortRule, Criterion, EntryEvent, ExitRules } from '$core/cohort/types';
import { validateCohort } from '$core/cohort/validate';
import { defaultPerson } from '$core/cohort/presets';
import { openDemo, type Demo } from './demo';
import { FIRST_STROKE_ADMISSION } from './fixtures';
import { ReferenceCohort } from './reference';

let demo: Demo;
let ref: ReferenceCohort;
beforeAll(async () => {
  demo = await openDemo();
  ref = new ReferenceCohort(demo.conn, demo.manifest);
});
afterAll(async () => {
  await demo.conn.close();
});

const include = (criterion: Criterion): CohortRule => ({ name: '', mode: 'include', criterion });
const exclude = (criterion: Criterion): CohortRule => ({ name: '', mode: 'exclude', criterion });
const HBA1C = { table: 'lab_result', codeColumn: 'loinc', codes: ['4548-4'], codeMatch: 'exact' as const };

function def(rules: CohortRule[], entry: EntryEvent = FIRST_STROKE_ADMISSION, exit: ExitRules = { death: true }): CohortDefinition {
  return { format: 1, name: 'construct', person: defaultPerson(demo.manifest), entry, rules, exit };
}

async function crossCheck(d: CohortDefinition): Promise<number[]> {
  expect(validateCohort(d, demo.manifest)).toEqual([]);
  const counted = await countCohort(demo.conn, demo.manifest, d);
  const sqlRows = await demo.rows(compileCohort(d, demo.manifest).cohortSql);
  const expected = await ref.run(d);
  expect(counted.steps.map((s) => s.remaining)).toEqual(expected.steps);
  expect(sqlRows).toEqual(expected.cohort);
  return expected.steps;
}

const cases: [string, () => CohortDefinition, (steps: number[]) => void][] = [
  ['entry: all occurrences with date limits', () => def([], { ...FIRST_STROKE_ADMISSION, occurrence: 'all', dateFrom: '2019-01-01', dateTo: '2021-12-31' }), (s) => expect(s[0]).toBeGreaterThan(0)],
  ['entry: first occurrence then date limits', () => def([], { ...FIRST_STROKE_ADMISSION, dateFrom: '2020-01-01', dateTo: '2020-12-31' }), (s) => expect(s[0]).toBeLessThan(2000)],
  ['entry: all occurrences, the earliest event passing a rule wins', () => def([include({ kind: 'event', ...HBA1C, value: { column: 'value', op: '>', value: 7 }, window: { start: 0, end: 0 } })], { ...FIRST_STROKE_ADMISSION, occurrence: 'all' }), (s) => expect(s[1]).toBeGreaterThan(0)],
  ['entry: a table filtered by its own type column (outpatient visits)', () => def([], { event: { table: 'visit', filters: [{ column: 'visit_type', values: ['outpatient'] }] }, occurrence: 'first' }), (s) => expect(s[0]).toBe(1957)],
  ['lab value > threshold within 30 days before', () => def([include({ kind: 'event', ...HBA1C, value: { column: 'value', op: '>', value: 7 }, window: { start: -30, end: 0 } })]), (s) => expect(s[1]).toBeLessThan(s[0])],
  ['lab value between, any time after', () => def([include({ kind: 'event', ...HBA1C, value: { column: 'value', op: 'between', value: 5.7, value2: 6.4 }, window: { start: 1, end: null } })]), () => {}],
  ['at least 2 outpatient visits between 7 and 365 days after', () => def([include({ kind: 'event', table: 'visit', filters: [{ column: 'visit_type', values: ['outpatient'] }], window: { start: 7, end: 365 }, count: { op: '>=', n: 2 } })]), (s) => expect(s[1]).toBeGreaterThan(0)],
  ['at most 1 / exactly 0 occurrences', () => def([include({ kind: 'event', table: 'visit', filters: [{ column: 'visit_type', values: ['outpatient'] }], window: { start: 1, end: 365 }, count: { op: '<=', n: 1 } }), include({ kind: 'event', table: 'diagnosis', codeColumn: 'icd10', codes: ['I48'], count: { op: '=', n: 0 } })]), () => {}],
  ['drug ATC prefix any time (exclude)', () => def([exclude({ kind: 'event', table: 'medication', codeColumn: 'atc_code', codes: ['B01AC'] })]), () => {}],
  ['procedure code within 7 days after', () => def([include({ kind: 'event', table: 'procedure', codeColumn: 'code', codes: ['39.74'], codeMatch: 'exact', window: { start: 0, end: 7 } })]), (s) => expect(s[1]).toBeGreaterThan(0)],
  ['age range and sex', () => def([include({ kind: 'age', min: 50, max: 75 }), include({ kind: 'sex', values: ['F'] })]), (s) => expect(s[2]).toBeGreaterThan(0)],
  ['OR group with a NOT item', () => def([include({ kind: 'group', match: 'any', items: [{ kind: 'age', min: 80 }, { kind: 'event', table: 'diagnosis', codeColumn: 'icd10', codes: ['I10'], negate: true }] })]), () => {}],
  ['AND group, negated as a whole', () => def([include({ kind: 'group', match: 'all', negate: true, items: [{ kind: 'age', min: 65 }, { kind: 'event', table: 'diagnosis', codeColumn: 'icd10', codes: ['E11'] }] })]), () => {}],
  ['catalogue variables: numeric, categorical, boolean', () => def([include({ kind: 'variable', variable: 'demographics.age', compare: { op: '>=', value: 60 } }), include({ kind: 'variable', variable: 'comorbidities.hypertension', values: ['true'] }), exclude({ kind: 'variable', variable: 'demographics.insurance', values: ['self_pay'] })]), (s) => expect(s[2]).toBeLessThan(s[1])],
  ['event-grain catalogue variable with a window', () => def([include({ kind: 'variable', variable: 'treatment.medication_orders', values: ['B01AC06'], window: { start: 0, end: 30 } })]), (s) => expect(s[1]).toBeGreaterThan(0)],
  ['followed for 180 days', () => def([include({ kind: 'follow_up', days: 180 })]), (s) => expect(s[1]).toBeLessThan(s[0])],
  ['exit: censoring event (recurrence), fixed window, death', () => def([], FIRST_STROKE_ADMISSION, { death: true, windowDays: 730, censoring: { table: 'follow_up', dateColumn: 'fu_date', filters: [{ column: 'outcome', values: ['recurrent_stroke'] }] } }), () => {}],
  ['exit: end of data only (no death rule)', () => def([], FIRST_STROKE_ADMISSION, { death: false }), () => {}],
];

describe('each construct: compiled SQL equals the reference implementation', () => {
  for (const [name, make, extra] of cases) {
    it(name, async () => {
      extra(await crossCheck(make()));
    });
  }

  it('exit reasons cover death, censoring event, window end and end of data', async () => {
    const d = def([], FIRST_STROKE_ADMISSION, { death: true, windowDays: 730, censoring: { table: 'follow_up', dateColumn: 'fu_date', filters: [{ column: 'outcome', values: ['recurrent_stroke'] }] } });
    const rows = await demo.rows(compileCohort(d, demo.manifest).cohortSql);
    expect(new Set(rows.map((r) => r.exit_reason))).toEqual(new Set(['death', 'censoring_event', 'window_end', 'end_of_data']));
    for (const r of rows) expect(String(r.exit_date) >= String(r.index_date)).toBe(true);
  });
});
