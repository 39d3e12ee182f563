import type { RCodeWriter } from '$core/plugin/types';
import { rCodePair } from './pairwise';

export const rCode: RCodeWriter = (spec) => rCodePair('pearson', spec);
