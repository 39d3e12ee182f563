import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'plausibility-soft-range',
  category: 'plausibility',
  title: { en: 'Unusual values (outside the plausible range)', zh: '少见的数值（超出合理范围）' },
  summary: {
    en: "A value inside the allowed range but outside the variable's plausible range in the catalogue: possible, worth a look.",
    zh: '数值在允许范围内，但超出目录中该变量的合理范围：可能存在，值得核查。',
  },
  needs: ['catalogue_ranges'],
  severity: 'warning',
  threshold: 1,
  options: {},
};
