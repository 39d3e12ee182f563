import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'conformance-units',
  category: 'conformance',
  title: { en: 'Unexpected unit for a test code', zh: '检验代码的单位异常' },
  summary: {
    en: 'A result recorded in another unit than the one the same code (e.g. LOINC) is usually recorded in.',
    zh: '同一代码（如 LOINC）的结果使用了与通常不同的单位。',
  },
  needs: ['code_and_unit_columns'],
  severity: 'warning',
  threshold: 0,
};
