import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'completeness-table',
  category: 'completeness',
  title: { en: 'Empty cells per table', zh: '各表空单元格比例' },
  summary: {
    en: 'The share of empty cells in each table (all columns and rows together): one figure per table to compare extracts and spot a table that came through half empty. Which columns are empty is in "Missing values per field".',
    zh: '每张表中空单元格所占比例（所有列和行合计）：每张表一个数字，便于比较不同批次的提取数据，发现只导入了一半的表。具体哪些列为空，见"各字段缺失值"。',
  },
  needs: ['column_types'],
  severity: 'warning',
  // % of empty cells tolerated per table. Optional columns (death date, end of an ongoing order)
  // are empty by design, so a table is never expected to be 100 % full.
  threshold: 30,
};
