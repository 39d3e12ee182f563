import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'conformance-primary-key',
  category: 'conformance',
  title: { en: 'Record keys not unique', zh: '记录主键不唯一' },
  summary: {
    en: "A record whose key (the table's primary key in the manifest) is empty or used by another record.",
    zh: '记录主键（清单中声明的主键）为空或与其他记录重复。',
  },
  needs: ['primary_key'],
  severity: 'error',
  threshold: 0,
};
