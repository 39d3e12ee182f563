import { rangeCheck } from '$core/quality/range';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

/** Soft ranges: the catalogue's plausible_range per variable (values outside allowed_range are the hard check's). */
export function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  return rangeCheck(ctx, 'plausible_range');
}
