import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'plausibility-unit-error',
  category: 'plausibility',
  title: { en: 'Value probably in the wrong unit', zh: '数值疑似单位错误' },
  summary: {
    en: 'A result far outside what its test code usually shows that becomes typical once converted from another unit (e.g. a glucose of 6.2 in a mg/dL column: 6.2 mmol/L = 112 mg/dL).',
    zh: '结果远离该检验代码的常见范围，但按另一单位换算后恰好正常（例如 mg/dL 列中血糖 6.2：6.2 mmol/L = 112 mg/dL）。',
  },
  needs: ['code_and_unit_columns'],
  severity: 'error',
  threshold: 0,
  // Outside: beyond quartiles ± outer_fence × IQR of log values; fits: within ± inner_fence × IQR once converted.
  options: { outer_fence: 3, inner_fence: 1.5, min_group: 30 },
  supersedes: ['plausibility-range', 'plausibility-soft-range', 'plausibility-outlier'],
};
