/**
 * The data-quality contract. Quality checks are plugins (plugins/quality/<id>/manifest.ts +
 * run.ts) with their OWN contract, separate from analysis plugins: a check reads a registry
 * manifest (keys, time columns, types, catalogue ranges and codes) and pushes SQL down to DuckDB.
 * Categories follow Kahn et al. (2016) as OHDSI's DataQualityDashboard does; thresholds are the
 * % of violating rows tolerated, so each check × table/column passes or fails.
 */
import type { Connector } from '../engine/connector';
import type { CancelToken } from '../errors';
import type { I18nText } from '../plugin/types';
import type { RegistryManifest } from '../registry/types';

/** Kahn's categories, with temporal plausibility apart and uniqueness/consistency named as the issue asks. */
export type KahnCategory = 'conformance' | 'completeness' | 'plausibility' | 'temporal' | 'uniqueness' | 'consistency';
export const KAHN_CATEGORIES: KahnCategory[] = ['conformance', 'completeness', 'plausibility', 'temporal', 'uniqueness', 'consistency'];

export type Severity = 'error' | 'warning';

/** What a check needs from the registry manifest; a check with nothing to work on reports nothing. */
export type ManifestNeed =
  | 'primary_key'
  | 'foreign_keys'
  | 'time_columns'
  | 'column_types'
  | 'catalogue_ranges'
  | 'catalogue_codes'
  | 'code_and_unit_columns'
  | 'patient_birth_death';

export interface QualityCheckManifest {
  /** Equals the folder name under plugins/quality/. */
  id: string;
  category: KahnCategory;
  title: I18nText;
  summary: I18nText;
  needs: ManifestNeed[];
  severity: Severity;
  /** Default % of violating rows tolerated before the check fails. */
  threshold: number;
  /** Tunables with defaults (e.g. a robust z cut-off). */
  options?: Record<string, number>;
  /**
   * Checks whose findings on the same record this check explains better: a glucose of 6.2 in a
   * mg/dL column is a unit error, not also an out-of-range value. The runner keeps one finding.
   */
  supersedes?: string[];
}

/** One violating record: enough to find it (table + record id) and to show the physician why. */
export interface Finding {
  check: string;
  category: KahnCategory;
  severity: Severity;
  table: string;
  column: string | null;
  /** The catalogue variable the value belongs to, when the check went through the catalogue. */
  variable?: string;
  record_id: string;
  patient_id: string | null;
  detail: I18nText;
  value: string | number | null;
  /** ISO date of the record's main time, for the monthly trend. */
  time: string | null;
  /** The record's department, when the registry links records to one (set after the run). */
  department?: string | null;
}

/** A check's verdict on one table (and column): DQD's row of the results table. */
export interface CheckSummary {
  check: string;
  category: KahnCategory;
  severity: Severity;
  title: I18nText;
  table: string;
  column: string | null;
  variable?: string;
  /** Rows the check looked at. */
  checked: number;
  /** Rows that violate it (all of them, not only the findings kept). */
  violating: number;
  /** violating / checked, in % (0 when nothing was checked). */
  percent: number;
  threshold: number;
  passed: boolean;
  /** Violating rows by month (YYYY-MM), for the trend. */
  byMonth: Record<string, number>;
  /** The check could not run here: what went wrong, in words. */
  error?: I18nText;
}

export interface CheckOutput {
  summaries: CheckSummary[];
  findings: Finding[];
}

export interface QualityCheckContext {
  conn: Connector;
  manifest: RegistryManifest;
  check: QualityCheckManifest;
  /** Threshold in force (the default unless the user changed it). */
  threshold: number;
  options: Record<string, number>;
  /** Violating records kept per check (the counts stay exact). */
  limit: number;
  cancel: CancelToken;
  /**
   * The run's memo (see shared.ts): results several checks compute from the same scan (per-code
   * quartiles, a variable's row count), so the second check reads the first one's. One per run.
   */
  shared: Map<string, Promise<unknown>>;
}

export type QualityCheckRun = (ctx: QualityCheckContext) => Promise<CheckOutput>;

/**
 * A declarative rule (REDCap-style data-quality rule): SQL returning the violating records
 * (table_name, record_id, patient_id, detail), or a structured condition over one table.
 */
export interface QualityRuleDef {
  id: string;
  category: KahnCategory;
  severity: Severity;
  /** % violating rows tolerated. */
  threshold: number;
  description: I18nText;
  /** Either sql ... */
  sql?: string;
  /** ... or a condition: rows of `table` for which `where` (an SQL boolean expression) holds violate. */
  condition?: { table: string; where: string; column?: string };
  enabled: boolean;
  source: 'manifest' | 'user';
}

/** The result of one run over a registry. */
export interface QualityReport {
  registryId: string;
  registryVersion: string;
  /** Cache key: registry id + version + rule-set hash. */
  key: string;
  startedAt: string;
  ms: number;
  summaries: CheckSummary[];
  findings: Finding[];
  /** Rows per table by month, the denominators of the trend. */
  rowsByMonth: Record<string, Record<string, number>>;
  /** Rows per table. */
  rows: Record<string, number>;
  /** Rows per department per table, for the tables with findings that link to a department. */
  rowsByDepartment: Record<string, Record<string, number>>;
}
