import type { Interpreter } from '$core/plugin/types';
import { interpretPair } from '../correlate.pearson/pairwise';

export const interpret: Interpreter = (result, input) => interpretPair('kendall', result, input);
