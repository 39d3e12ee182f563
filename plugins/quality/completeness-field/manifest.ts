import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'completeness-field',
  category: 'completeness',
  title: { en: 'Missing values per field', zh: '各字段缺失值' },
  summary: {
    en: 'The share of empty cells in each column. In a column that is otherwise complete (fewer than 1 in 1,000 rows empty), each empty cell is a recording slip and is listed; columns empty in most rows are optional by design.',
    zh: '各列空值所占比例。在几乎完整的列（空值少于千分之一）中，每个空值都是漏录，逐条列出；大多数行为空的列视为按设计可选。',
  },
  needs: ['column_types'],
  severity: 'warning',
  threshold: 5,
  // sporadic_share: list empty cells record by record below this share; optional_share: above it a column is optional.
  options: { sporadic_share: 0.001, optional_share: 0.5 },
};
