import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'plausibility-outlier',
  category: 'plausibility',
  title: { en: 'Statistical outliers per test and unit', zh: '按检验项目与单位的统计离群值' },
  summary: {
    en: 'A result very far from the others of the same code and unit (robust z-score of the log value: median and interquartile range), or zero/negative where the measure is positive.',
    zh: '与同一代码、同一单位的其他结果相差极大（对数值的稳健 z 分数，基于中位数与四分位距），或本应为正数的测量为零或负数。',
  },
  needs: ['code_and_unit_columns'],
  severity: 'warning',
  threshold: 0.1,
  options: { z: 6, min_group: 30 },
  supersedes: ['plausibility-soft-range'],
};
