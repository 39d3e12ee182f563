import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'temporal-within-visit',
  category: 'temporal',
  title: { en: 'Records outside their visit', zh: '记录不在所属就诊期间' },
  summary: {
    en: 'A record linked to a visit (or other interval) but dated outside its start and end, beyond a day of slack.',
    zh: '记录关联到某次就诊（或其他时间区间），但日期超出该区间（允许一天误差）。',
  },
  needs: ['foreign_keys', 'time_columns'],
  severity: 'warning',
  threshold: 1,
  options: { slack_days: 1 },
};
