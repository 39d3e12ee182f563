import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'temporal-score-sequence',
  category: 'temporal',
  title: { en: 'Assessment scores out of sequence', zh: '评分记录顺序矛盾' },
  summary: {
    en: 'In assessment tables (a scale, a score and a time or timepoint, e.g. NIHSS on admission and at discharge): a discharge assessment dated before every admission assessment of the same scale, and scores of the same scale recorded for the same patient at the same time and timepoint with different values.',
    zh: '在评估表中（包含量表、分值以及时间或时间点，如入院时和出院时的 NIHSS）：出院评估日期早于同一量表的所有入院评估；或同一患者同一量表在同一时间、同一时间点记录了不同的分值。',
  },
  needs: ['time_columns', 'column_types'],
  severity: 'warning',
  threshold: 0,
};
