/** Events after death: each event table's main time against the patient table's death date. */
import { evaluateAll } from '$core/quality/sql';
import { lifeDateQueries, lifeDates } from '$core/quality/temporal';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const life = lifeDates(ctx.manifest);
  if (!life?.death) return { summaries: [], findings: [] };
  const grace = Math.max(0, Math.floor(ctx.options.grace_days ?? 0));
  const queries = lifeDateQueries(ctx.manifest, life, life.death, (when, death) => `${when} > ${death} + ${grace}`, { en: 'after death', zh: '晚于死亡日期' });
  return evaluateAll(ctx, queries);
}
