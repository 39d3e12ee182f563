// Definitions shared by the cohort tests: the acceptance cohort ("first ischaemic stroke
// admission, age >= 18, HbA1c within 30 days before admission, no prior stroke, followed for
// 1 year") on the demo registry.
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

/** The acceptance cohort written by hand, independently of the compiler. */
export const ACCEPTANCE_SQL = `
WITH idx AS (
  SELECT d.patient_id, min(d.diag_date) AS index_date
  FROM diagnosis d JOIN visit v ON v.visit_id = d.visit_id
  WHERE d.icd10 LIKE 'I63%' AND v.visit_type = 'inpatient'
  GROUP BY d.patient_id
)
SELECT i.patient_id
FROM idx i JOIN patient p ON p.patient_id = i.patient_id
WHERE date_diff('year', p.birth_date, i.index_date)
      - CASE WHEN strftime(i.index_date, '%m-%d') < strftime(p.birth_date, '%m-%d') THEN 1 ELSE 0 END >= 18
  AND EXISTS (SELECT 1 FROM lab_result l WHERE l.patient_id = i.patient_id AND l.loinc = '4548-4'
              AND CAST(l.collected_at AS DATE) BETWEEN i.index_date - 30 AND i.index_date)
  AND NOT EXISTS (SELECT 1 FROM diagnosis z WHERE z.patient_id = i.patient_id AND z.icd10 = 'Z86.73' AND z.diag_date <= i.index_date)
  AND ((SELECT max(f.fu_date) FROM follow_up f WHERE f.patient_id = i.patient_id) >= i.index_date + 365
       OR (p.death_date >= i.index_date AND p.death_date <= i.index_date + 365))
ORDER BY i.patient_id`;
