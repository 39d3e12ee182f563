import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'completeness-patient-coverage',
  category: 'completeness',
  title: { en: 'Patients missing from a table most patients have', zh: '患者在多数患者都有记录的表中无记录' },
  summary: {
    en: 'For each table that holds records of nearly every patient (at least 90 % of the patient table), the patients with no record in it are listed: a missing admission, missing labs or a patient whose records were not extracted. Tables that only some patients have (procedures, biospecimens) are not expected for everyone and are not checked.',
    zh: '对于几乎每位患者都有记录的表（至少覆盖患者表的 90%），列出在该表中没有任何记录的患者：可能缺少入院记录、检验记录，或该患者的数据未被提取。只有部分患者才有的表（手术、生物样本）不要求人人都有，不做检查。',
  },
  needs: ['primary_key'],
  severity: 'warning',
  // % of patients missing from an expected table tolerated: a handful are listed, a larger gap fails.
  threshold: 5,
  // expected_coverage: a table covering at least this share of patients is expected for every patient.
  options: { expected_coverage: 0.9 },
};
