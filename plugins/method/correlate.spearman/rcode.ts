import type { RCodeWriter } from '$core/plugin/types';
import { rCodePair } from '../correlate.pearson/pairwise';

export const rCode: RCodeWriter = (spec) => rCodePair('spearman', spec);
