import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'temporal-future',
  category: 'temporal',
  title: { en: 'Dates in the future', zh: '未来日期' },
  summary: { en: 'A date or time later than today.', zh: '日期或时间晚于今天。' },
  needs: ['time_columns'],
  severity: 'error',
  threshold: 0,
};
