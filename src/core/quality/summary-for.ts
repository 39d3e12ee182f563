/**
 * The per-analysis data-quality summary: for the variables an analysis used (catalogue ids or
 * "table.column"), the checks that looked at them, how many rows violate, and whether all pass.
 * The results view calls this with the columns of an analysis and a report of the same registry.
 */
import type { RegistryManifest } from '../registry/types';
import { catalogueVariables, variableSource } from './variable-source';
import type { CheckSummary, QualityReport } from './types';

export interface VariableQuality {
  /** As asked: a catalogue id or "table.column". */
  ref: string;
  table: string | null;
  column: string | null;
  checks: CheckSummary[];
  violating: number;
  failed: number;
  passed: boolean;
}

export interface QualitySummary {
  variables: VariableQuality[];
  /** Every check on every variable passes. */
  passed: boolean;
  failed: number;
}

export function qualitySummaryFor(report: QualityReport, manifest: RegistryManifest, refs: string[]): QualitySummary {
  const catalogue = new Map(catalogueVariables(manifest).map((v) => [v.id, v.definition]));
  const variables = refs.map((ref): VariableQuality => {
    let table: string | null = null;
    let column: string | null = null;
    const def = catalogue.get(ref);
    if (def) {
      const src = variableSource(manifest, ref, def);
      table = src?.table.name ?? null;
      column = src?.column ?? null;
    } else if (ref.includes('.')) {
      [table, column] = [ref.slice(0, ref.indexOf('.')), ref.slice(ref.indexOf('.') + 1)];
    }
    const checks = report.summaries.filter(
      (s) => s.variable === ref || (table !== null && s.table === table && (column === null ? false : s.column === column)),
    );
    const failed = checks.filter((s) => !s.passed).length;
    return { ref, table, column, checks, violating: checks.reduce((n, s) => n + s.violating, 0), failed, passed: failed === 0 };
  });
  const failed = variables.reduce((n, v) => n + v.failed, 0);
  return { variables, passed: failed === 0, failed };
}
