import { rangeCheck } from '$core/quality/range';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

/** Hard ranges: the catalogue's allowed_range per variable. */
export function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  return rangeCheck(ctx, 'allowed_range');
}
