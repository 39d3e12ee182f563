import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'conformance-type',
  category: 'conformance',
  title: { en: 'Values of the wrong type', zh: '数据类型不符' },
  summary: {
    en: 'A value that is not a number in a numeric column, or in a text column that otherwise holds numbers (e.g. "see note" among lab results).',
    zh: '数值列中的非数值，或几乎全为数字的文本列中的非数字值（例如检验结果中的“见病历”）。',
  },
  needs: ['column_types'],
  severity: 'warning',
  threshold: 0,
  // A text column is treated as numeric when at least this share of its values are numbers.
  options: { numeric_share: 0.95, min_values: 20, sample_rows: 5000 },
  // A numeric value left empty because its text said "see note" is this finding, not also a missing value.
  supersedes: ['completeness-field'],
};
