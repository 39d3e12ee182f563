/**
 * UI strings of the cohort views, in their own module so that the feature owns its words.
 * en.ts / zh.ts spread these in; test/unit/i18n/keys.test.ts checks both languages match.
 */
export const cohortEn = {
  'nav.cohort': 'Cohorts',
} as const;

export const cohortZh: Record<keyof typeof cohortEn, string> = {
  'nav.cohort': '队列',
};
