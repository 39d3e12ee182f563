/** Small display helpers of the quality views. */
import type { CheckSummary } from '../../core/quality/types';

export function percentText(x: number): string {
  if (x === 0) return '0';
  if (x < 0.01) return '<0.01';
  return x < 10 ? x.toFixed(2) : x.toFixed(1);
}

/** Where a verdict applies: "table · variable" or "table.column". */
export function whereText(s: CheckSummary): string {
  if (s.variable) return `${s.table} · ${s.variable}`;
  return s.column ? `${s.table}.${s.column}` : s.table || '—';
}

/** A data-testid-safe id for a summary. */
export function summaryTestId(s: CheckSummary): string {
  return `quality-check-${s.check}-${s.table}-${s.variable ?? s.column ?? ''}`.replace(/[^A-Za-z0-9_.:-]+/g, '_');
}
