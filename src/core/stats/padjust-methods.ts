/** The p.adjust methods, as plain data (manifests import this; the computation is padjust.ts). */
export type PAdjustMethod = 'holm' | 'hochberg' | 'hommel' | 'bonferroni' | 'BH' | 'BY' | 'fdr' | 'none';

export const P_ADJUST_METHODS: PAdjustMethod[] = ['holm', 'hochberg', 'hommel', 'bonferroni', 'BH', 'BY', 'fdr', 'none'];
