import type { Interpreter } from '$core/plugin/types';
import { interpretPair } from './pairwise';

export const interpret: Interpreter = (result, input) => interpretPair('pearson', result, input);
