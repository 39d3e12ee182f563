import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'temporal-start-end',
  category: 'temporal',
  title: { en: 'End before start', zh: '结束早于开始' },
  summary: {
    en: "A record whose end (the table's second time column, e.g. discharge) is before its start (e.g. admission).",
    zh: '记录的结束时间（表的第二个时间列，如出院）早于开始时间（如入院）。',
  },
  needs: ['time_columns'],
  severity: 'error',
  threshold: 0,
  // The two time columns are taken as start and end only if at least this share of rows is in order.
  options: { ordered_share: 0.95 },
  // A negative length of stay is this error, not also an out-of-range value.
  supersedes: ['plausibility-range', 'plausibility-soft-range'],
};
