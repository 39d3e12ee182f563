/**
 * Option declarations many manifests share, with R's names and defaults. Plain data with
 * type-only imports: manifests load eagerly in the UI and may import nothing heavier.
 */
import type { NumberOption } from './types';

/** conf_level, as R's conf.level: a number strictly between 0 and 1, default 0.95. */
export const CONF_LEVEL: NumberOption = {
  name: 'conf_level',
  type: 'number',
  default: 0.95,
  min: 0,
  max: 1,
  exclusiveMin: true,
  exclusiveMax: true,
  label: { en: 'Confidence level', zh: '置信水平' },
};
