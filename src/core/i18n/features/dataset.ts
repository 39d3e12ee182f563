/**
 * UI strings of the analysis-dataset views, in their own module so that the feature owns its words.
 * en.ts / zh.ts spread these in; test/unit/i18n/keys.test.ts checks both languages match.
 */
export const datasetEn = {
  'nav.dataset': 'Datasets',
} as const;

export const datasetZh: Record<keyof typeof datasetEn, string> = {
  'nav.dataset': '分析数据集',
};
