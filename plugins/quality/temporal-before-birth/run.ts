/** Events before birth: each event table's main time against the patient table's birth date. */
import { evaluateAll } from '$core/quality/sql';
import { lifeDateQueries, lifeDates } from '$core/quality/temporal';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const life = lifeDates(ctx.manifest);
  if (!life?.birth) return { summaries: [], findings: [] };
  const queries = lifeDateQueries(ctx.manifest, life, life.birth, (when, birth) => `${when} < ${birth}`, { en: 'before birth', zh: '早于出生日期' });
  return evaluateAll(ctx, queries);
}
