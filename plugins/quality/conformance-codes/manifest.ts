import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'conformance-codes',
  category: 'conformance',
  title: { en: 'Codes not in the allowed list', zh: '代码不在允许列表中' },
  summary: {
    en: "A categorical value that is not one of the codes the catalogue allows for its variable (e.g. a sex other than the listed codes).",
    zh: '分类变量的取值不在目录为该变量列出的允许代码中（例如性别取值不在所列代码内）。',
  },
  needs: ['catalogue_codes'],
  severity: 'warning',
  threshold: 0,
};
