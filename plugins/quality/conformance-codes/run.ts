/**
 * Allowed codes: for each categorical catalogue variable with a code list whose SQL reads one
 * table row per value (variable-source.ts), values outside the list are listed record by record.
 */
import { evaluateAll, ident, literal, type ViolationQuery } from '$core/quality/sql';
import type { CheckOutput, QualityCheckContext } from '$core/quality/types';
import { catalogueVariables, variableSource } from '$core/quality/variable-source';

export async function run(ctx: QualityCheckContext): Promise<CheckOutput> {
  const queries: ViolationQuery[] = [];
  const seen = new Set<string>();
  for (const { id, definition } of catalogueVariables(ctx.manifest)) {
    if (!definition.codes?.length || (definition.type !== 'categorical' && definition.type !== 'boolean')) continue;
    const src = variableSource(ctx.manifest, id, definition);
    if (!src) continue;
    const key = `${src.table.name}|${definition.sql.replace(/\s+/g, ' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const codes = definition.codes.map((c) => literal(String(c.code))).join(', ');
    const shown = definition.codes.slice(0, 8).map((c) => c.code).join(', ') + (definition.codes.length > 8 ? ', …' : '');
    queries.push({
      table: src.table.name,
      column: src.column,
      variable: id,
      checkedSql: `SELECT count(*)::BIGINT AS n FROM (${src.sql}) WHERE value IS NOT NULL`,
      violationsSql: `SELECT __record_id AS record_id, CAST(${ident('patient_id')} AS VARCHAR) AS patient_id, value, __time AS time,
          ${literal(id + ' = ')} || CAST(value AS VARCHAR) || ${literal(`, allowed: ${shown}`)} AS detail_en,
          ${literal(id + ' = ')} || CAST(value AS VARCHAR) || ${literal(`，允许：${shown}`)} AS detail_zh
        FROM (${src.sql}) WHERE value IS NOT NULL AND CAST(value AS VARCHAR) NOT IN (${codes})`,
    });
  }
  return evaluateAll(ctx, queries);
}
