import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'temporal-before-birth',
  category: 'temporal',
  title: { en: "Records dated before the patient's birth", zh: '记录日期早于患者出生日期' },
  summary: {
    en: 'An event whose main date is before the birth date in the patient table.',
    zh: '事件的主要日期早于患者表中的出生日期。',
  },
  needs: ['patient_birth_death', 'time_columns'],
  severity: 'error',
  threshold: 0,
};
