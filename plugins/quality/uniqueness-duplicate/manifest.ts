import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'uniqueness-duplicate',
  category: 'uniqueness',
  title: { en: 'Duplicate records', zh: '重复记录' },
  summary: {
    en: 'A record equal to an earlier one in every column except its key: the same event entered twice.',
    zh: '除主键外所有列都与之前某条记录相同：同一事件被录入两次。',
  },
  needs: ['primary_key'],
  severity: 'warning',
  threshold: 0,
  // Tables with fewer non-key columns than this repeat values naturally (a city's daily readings).
  options: { min_columns: 3 },
};
