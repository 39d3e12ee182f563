// Invalid definitions get a message at the place that causes it ({path, message en/zh}), checked
// against the registry manifest; the ones that need data (codes that match nothing, a rule that
// leaves nobody) come back from the count at their rule.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCohort } from '$core/cohort/run';
import { validateCohort } from '$core/cohort/validate';
import type { CohortDefinition } from '$core/cohort/types';
import type { RegistryManifest } from '$core/registry/types';
import { openDemo, type Demo } from './demo';
import { acceptanceDefinition } from './fixtures';

const manifest = JSON.parse(readFileSync(new URL('../../../public/registries/stroke-demo/registry.json', import.meta.url), 'utf8')) as RegistryManifest;

function edit(fn: (d: CohortDefinition) => void): CohortDefinition {
  const d = structuredClone(acceptanceDefinition(manifest));
  fn(d);
  return d;
}

function paths(d: CohortDefinition): string[] {
  const issues = validateCohort(d, manifest);
  for (const i of issues) {
    expect(i.message.en.length).toBeGreaterThan(10);
    expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
  }
  return issues.map((i) => i.path);
}

describe('validateCohort', () => {
  it('accepts the acceptance definition', () => {
    expect(paths(acceptanceDefinition(manifest))).toEqual([]);
  });

  it('window end before start -> at that window', () => {
    const d = edit((d) => {
      if (d.rules[1].criterion.kind === 'event') d.rules[1].criterion.window = { start: 10, end: -5 };
    });
    expect(paths(d)).toEqual(['rules[1].criterion.window']);
    expect(validateCohort(d, manifest)[0].message.en).toMatch(/ends \(5 days before\) before it starts \(10 days after\)/);
  });

  it('unknown table, column, foreign key, variable -> at each', () => {
    expect(paths(edit((d) => ((d.rules[1].criterion as { table: string }).table = 'labs')))).toEqual(['rules[1].criterion.table']);
    expect(paths(edit((d) => ((d.rules[1].criterion as { codeColumn: string }).codeColumn = 'loinc_code')))).toEqual(['rules[1].criterion.codeColumn']);
    expect(paths(edit((d) => (d.entry.event.filters = [{ via: 'visit', column: 'visit_type', values: ['inpatient'] }])))).toEqual(['entry.event.filters[0].via']);
    expect(paths(edit((d) => (d.entry.event.filters = [{ via: 'visit_id', column: 'kind', values: ['inpatient'] }])))).toEqual(['entry.event.filters[0].column']);
    expect(paths(edit((d) => d.rules.push({ name: '', mode: 'include', criterion: { kind: 'variable', variable: 'lifestyle.unicorns', values: ['x'] } })))).toEqual(['rules[4].criterion.variable']);
    expect(paths(edit((d) => (d.person.observation.dateColumn = 'status')))).toEqual(['person.observation.dateColumn']);
  });

  it('value comparisons on text, empty code lists, empty groups', () => {
    expect(paths(edit((d) => ((d.rules[1].criterion as { value?: unknown }).value = { column: 'test_name', op: '>', value: 7 })))).toEqual(['rules[1].criterion.value.column']);
    expect(paths(edit((d) => ((d.rules[1].criterion as { codes: string[] }).codes = [' '])))).toEqual(['rules[1].criterion.codes']);
    expect(paths(edit((d) => d.rules.push({ name: '', mode: 'include', criterion: { kind: 'group', match: 'any', items: [] } })))).toEqual(['rules[4].criterion.items']);
    expect(paths(edit((d) => d.rules.push({ name: '', mode: 'include', criterion: { kind: 'group', match: 'all', items: [{ kind: 'event', table: 'lab_result', window: { start: 3, end: 1 } }] } })))).toEqual(['rules[4].criterion.items[0].window']);
  });

  it('contradictory rules that select nobody are caught statically', () => {
    expect(paths(edit((d) => (d.rules[0].criterion = { kind: 'age', min: 80, max: 60 })))).toEqual(['rules[0].criterion']);
    expect(paths(edit((d) => ((d.rules[1].criterion as { value?: unknown }).value = { column: 'value', op: 'between', value: 9, value2: 6 })))).toEqual(['rules[1].criterion.value.value2']);
    expect(paths(edit((d) => ((d.entry.dateFrom = '2022-01-01'), (d.entry.dateTo = '2020-01-01'))))).toEqual(['entry.dateTo']);
    expect(paths(edit((d) => (d.rules[3].criterion = { kind: 'follow_up', days: 0 })))).toEqual(['rules[3].criterion.days']);
    expect(paths(edit((d) => (d.exit.windowDays = -1)))).toEqual(['exit.windowDays']);
  });

  it('a patient-level variable cannot have a time window', () => {
    expect(paths(edit((d) => d.rules.push({ name: '', mode: 'include', criterion: { kind: 'variable', variable: 'demographics.age', compare: { op: '>', value: 1 }, window: { start: -1, end: 0 } } })))).toEqual(['rules[4].criterion.window']);
  });
});

describe('issues that need the data', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo();
  });
  afterAll(async () => {
    await demo.conn.close();
  });

  it('a code that matches nothing -> at that rule\'s codes', async () => {
    const d = edit((d) => ((d.rules[2].criterion as { codes: string[] }).codes = ['Z86.73', 'Z99.999']));
    const r = await countCohort(demo.conn, demo.manifest, d);
    expect(r.issues.map((i) => i.path)).toEqual(['rules[2].criterion.codes']);
    expect(r.issues[0].message.en).toMatch(/"Z99\.999" matches no row of diagnosis\.icd10/);
  });

  it('a rule that leaves nobody (contradicting the rules above) -> at that rule', async () => {
    const d = edit((d) => d.rules.splice(1, 0, { name: '', mode: 'include', criterion: { kind: 'age', max: 17 } }));
    const r = await countCohort(demo.conn, demo.manifest, d);
    expect(r.steps[2].remaining).toBe(0);
    expect(r.issues.map((i) => i.path)).toEqual(['rules[1]']);
    expect(r.issues[0].message.zh).toMatch(/没有剩余患者/);
  });

  it('user text is escaped: a code with quotes and SQL in it is just a code', async () => {
    const d = edit((d) => ((d.rules[2].criterion as { codes: string[] }).codes = ["Z86.73'); DROP TABLE patient; --"]));
    const r = await countCohort(demo.conn, demo.manifest, d);
    expect(r.issues.map((i) => i.path)).toEqual(['rules[2].criterion.codes']);
    // The "exclude" rule with a code matching nothing removes nobody; the patient table is intact.
    expect(r.steps[3].remaining).toBe(r.steps[2].remaining);
    expect((await demo.rows('SELECT count(*)::INTEGER AS n FROM patient'))[0].n).toBe(2000);
  });
});
