// Definitions shared by the cohort tests: the acceptance cohort ("first ischaemic stroke
// admission, age >= 18, HbA1c within 30 days before admission, no prior stroke, followed for
// 1 year") on the demo registry.
import { readFileSync } from 'node:fs';
import { defaultPerson } from '$core/cohort/presets';
import type { CohortDefinition, CohortRule } from '$core/cohort/types';
import type { RegistryManifest } from '$core/registry/types';

export const FIRST_STROKE_ADMISSION: CohortDefinition['entry'] = {
  event: {
    table: 'diagnosis',
    codeColumn: 'icd10',
    codes: ['I63'],
    codeMatch: 'prefix',
    filters: [{ via: 'visit_id', column: 'visit_type', values: ['inpatient'] }],
  },
  occurrence: 'first',
};

export const ACCEPTANCE_RULES: CohortRule[] = [
  { name: '', mode: 'include', criterion: { kind: 'age', min: 18 } },
  {
    name: '',
    mode: 'include',
    criterion: { kind: 'event', table: 'lab_result', codeColumn: 'loinc', codes: ['4548-4'], codeMatch: 'exact', window: { start: -30, end: 0 } },
  },
  {
    name: '',
    mode: 'exclude',
    criterion: { kind: 'event', table: 'diagnosis', codeColumn: 'icd10', codes: ['Z86.73'], codeMatch: 'exact', window: { start: null, end: 0 } },
  },
  { name: '', mode: 'include', criterion: { kind: 'follow_up', days: 365 } },
];

/** A fresh copy each call (tests edit it). */
export function acceptanceDefinition(m: RegistryManifest): CohortDefinition {
  return structuredClone({
    format: 1,
    name: 'First ischaemic stroke, 1 year',
    person: defaultPerson(m),
    entry: FIRST_STROKE_ADMISSION,
    rules: ACCEPTANCE_RULES,
    exit: { death: true, windowDays: 365 },
  });
}

/** The acceptance cohort written by hand, independently of the compiler (shared with the e2e test). */
export const ACCEPTANCE_SQL = readFileSync(new URL('../../fixtures/cohort-acceptance.sql', import.meta.url), 'utf8');
