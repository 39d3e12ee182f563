import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'plausibility-range',
  category: 'plausibility',
  title: { en: 'Impossible values (outside the allowed range)', zh: '不可能的数值（超出允许范围）' },
  summary: {
    en: "A value outside the variable's allowed range in the catalogue: it cannot be right (e.g. a systolic pressure of 1,100 mmHg).",
    zh: '数值超出目录中该变量的允许范围，不可能正确（例如收缩压 1100 mmHg）。',
  },
  needs: ['catalogue_ranges'],
  severity: 'error',
  threshold: 0,
  options: {},
  supersedes: ['plausibility-soft-range', 'plausibility-outlier'],
};
