/**
 * Range checks over the catalogue: every variable with a range whose SQL reads one table row per
 * value (variable-source.ts) is checked record by record. Several variables often read the same
 * rows (e.g. "all SBP readings" and "SBP on arrival"); a record is reported once per column.
 */
import { ident, literal } from '../engine/connector';
import { evaluateAll, type ViolationQuery } from './sql';
import type { CheckOutput, QualityCheckContext } from './types';
import { catalogueVariables, variableSource } from './variable-source';

export async function rangeCheck(ctx: QualityCheckContext, which: 'allowed_range' | 'plausible_range'): Promise<CheckOutput> {
  const queries: ViolationQuery[] = [];
  const seen = new Set<string>();
  for (const { id, definition } of catalogueVariables(ctx.manifest)) {
    const range = definition[which];
    if (!range || (definition.type !== 'numeric' && definition.type !== 'integer')) continue;
    const src = variableSource(ctx.manifest, id, definition);
    if (!src) continue;
    // The same rows read the same way (same SQL) are one check, not two.
    const key = `${src.table.name}|${definition.sql.replace(/\s+/g, ' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [lo, hi] = range;
    const allowed = definition.allowed_range;
    // Soft check: values outside the hard range are the hard check's, not reported twice.
    const insideHard = which === 'plausible_range' && allowed ? ` AND value BETWEEN ${allowed[0]} AND ${allowed[1]}` : '';
    const unit = definition.unit ? ' ' + definition.unit : '';
    const label = which === 'allowed_range' ? { en: 'allowed', zh: '允许' } : { en: 'plausible', zh: '合理' };
    const v = `TRY_CAST(value AS DOUBLE)`;
    // Two scans (count, violations) of the variable's SQL: the optimiser prunes the record id and
    // casts from the count, which materialising the rows once would pay for every row.
    queries.push({
      table: src.table.name,
      column: src.column,
      variable: id,
      checkedSql: `SELECT count(*)::BIGINT AS n FROM (${src.sql}) WHERE ${v} IS NOT NULL`,
      violationsSql: `SELECT __record_id AS record_id, CAST(${ident('patient_id')} AS VARCHAR) AS patient_id, value, __time AS time,
          ${literal(id + ' = ')} || CAST(value AS VARCHAR) || ${literal(`${unit}, ${label.en} ${lo}–${hi}`)} AS detail_en,
          ${literal(id + ' = ')} || CAST(value AS VARCHAR) || ${literal(`${unit}，${label.zh}范围 ${lo}–${hi}`)} AS detail_zh
        FROM (${src.sql}) WHERE ${v} IS NOT NULL AND (${v} < ${lo} OR ${v} > ${hi})${insideHard.replace(/value/, v)}`,
    });
  }
  return evaluateAll(ctx, queries);
}
