/**
 * UI strings of the quality views, in their own module so that the feature owns its words.
 * en.ts / zh.ts spread these in; test/unit/i18n/keys.test.ts checks both languages match.
 */
export const qualityEn = {
  'nav.quality': 'Data quality',
} as const;

export const qualityZh: Record<keyof typeof qualityEn, string> = {
  'nav.quality': '数据质量',
};
