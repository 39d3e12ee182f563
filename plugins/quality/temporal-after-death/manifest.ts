import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'temporal-after-death',
  category: 'temporal',
  title: { en: "Records dated after the patient's death", zh: '记录日期晚于患者死亡日期' },
  summary: {
    en: "An event (visit, lab, order, ...) whose main date is after the death date in the patient table.",
    zh: '事件（就诊、检验、医嘱等）的主要日期晚于患者表中的死亡日期。',
  },
  needs: ['patient_birth_death', 'time_columns'],
  severity: 'error',
  threshold: 0,
  // Days of grace after death (0: any later date is reported).
  options: { grace_days: 0 },
};
