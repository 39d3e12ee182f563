import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'conformance-foreign-key',
  category: 'conformance',
  title: { en: 'References that do not resolve', zh: '引用无法对应' },
  summary: {
    en: 'A record that points to a patient, visit or other record (a foreign key in the manifest) that does not exist.',
    zh: '记录所指向的患者、就诊或其他记录（清单中的外键）不存在。',
  },
  needs: ['foreign_keys'],
  severity: 'error',
  threshold: 0,
};
