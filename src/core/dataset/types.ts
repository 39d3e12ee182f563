/**
 * The analysis-dataset definition (docs/DATASETS.md): a cohort table plus an ordered list of
 * features, compiled to SQL and materialised as the DuckDB table `ds_<name>`, one row per
 * patient. Serialisable JSON, versioned by `format` so saved definitions can be migrated.
 */
import type { I18nText, MeasureType } from '../plugin/types';

export const DATASET_FORMAT = '1';

export interface DatasetDefinition {
  format: typeof DATASET_FORMAT;
  /** Letters, digits and underscores; the table is `ds_<name>`. */
  name: string;
  /** The registry (index.json id) whose tables the sources read. */
  registryId: string;
  cohort: CohortRef;
  features: Feature[];
}

/**
 * Where the patients come from. Every kind ends as a DuckDB table with patient_id, index_date,
 * exit_date (end of follow-up) and exit_reason (see src/core/cohort/materialize.ts).
 */
export type CohortRef =
  | { kind: 'table'; table: string }
  /** Every patient of the registry, index = its index date (built here, see all-patients.ts). */
  | { kind: 'all-patients' }
  /** A saved cohort definition, materialised by the cohort builder. */
  | { kind: 'saved'; name: string; definition: unknown };

/** Rows of a catalogue variable, or of a table filtered by codes. */
export type Source =
  | { kind: 'variable'; id: string }
  | {
      kind: 'table';
      table: string;
      /** Column holding codes (e.g. loinc) and the codes kept; all rows when absent. */
      codeColumn?: string;
      codes?: string[];
      valueColumn: string;
      /** Event time (DATE or TIMESTAMP); without it rows are timeless (patient grain). */
      timeColumn?: string;
      /** Per-row unit normalisation before aggregation (values may come in mixed units). */
      unit?: UnitNormalisation;
    };

export interface UnitNormalisation {
  /** Column naming each row's unit. */
  column: string;
  /** The unit every value is converted to. */
  target: string;
  /** value_in_target = value * factor, for rows whose unit is `from`. Rows in other units become missing. */
  conversions: { from: string; factor: number }[];
}

/** Days relative to the index date (index day = 0), both ends inclusive. */
export interface Window {
  start: number;
  end: number;
}

export type Aggregate = 'last' | 'first' | 'mean' | 'min' | 'max' | 'count' | 'ever';

interface FeatureBase {
  /** Output column name (letters, digits, underscore; unique in the dataset). */
  name: string;
  label?: I18nText;
}

export interface WindowFeature extends FeatureBase {
  kind: 'window';
  source: Source;
  /** Ignored for timeless (patient-grain) sources. */
  window: Window;
  aggregate: Aggregate;
}

export interface DerivedFeature extends FeatureBase {
  kind: 'derived';
  /** Safe expression over earlier features (see expression.ts). */
  expression: string;
}

export interface OutcomeFeature extends FeatureBase {
  kind: 'outcome';
  /** Event rows (their time is the event date). */
  source: Source;
  /** Events count from day `start` after index (default 1) to day `horizon`. */
  start?: number;
  horizon: number;
  /**
   * binary: `<name>` yes/no, event within the window and before exit;
   * time-to-event: `<name>_time` (days) and `<name>_status` (1 event, 0 censored).
   */
  type: 'binary' | 'time-to-event';
}

export interface PivotFeature extends FeatureBase {
  kind: 'pivot';
  source: Source;
  window: Window;
  /** Columns `<name>_1` .. `<name>_k`: the value of the 1st..k-th occurrence in the window. */
  occurrences: number;
}

export interface BinFeature extends FeatureBase {
  kind: 'bin';
  /** An earlier feature (numeric). */
  input: string;
  /**
   * cut-offs: breaks b1 < b2 < ... give bins (-inf,b1], (b1,b2], ..., (bk, inf) when right-closed
   * (closed: 'right'), or [.., b1), [b1, b2), ... when left-closed. `labels` has one more entry than `breaks`.
   * quantiles: `groups` groups of (about) equal size, cut at the sample quantiles (type 7).
   */
  method: { kind: 'cutoffs'; breaks: number[]; labels?: string[]; closed: 'right' | 'left' } | { kind: 'quantiles'; groups: number };
}

export type Feature = WindowFeature | DerivedFeature | OutcomeFeature | PivotFeature | BinFeature;

/** One output column, for the codebook and the Data panel. */
export interface DatasetColumn {
  name: string;
  type: MeasureType;
  label: I18nText;
  unit?: string;
  /** Plain-language definition (English and Chinese). */
  definition: I18nText;
  /** Category levels in order, for categorical columns whose levels are known. */
  levels?: string[];
  /** A direct identifier (patient id). */
  identifier?: boolean;
}
