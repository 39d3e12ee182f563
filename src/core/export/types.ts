/**
 * What the exporters take: rows (as the engine's JSON-safe rows: dates as YYYY-MM-DD, times as
 * ISO text, missing as null) and the codebook columns describing them.
 */
import type { JsonCell } from '../engine/rows';
import type { DatasetColumn } from '../dataset/types';

export interface ExportTable {
  /** Base of file names (the dataset name). */
  name: string;
  columns: DatasetColumn[];
  rows: Record<string, JsonCell>[];
}

export type ExportFormat = 'csv' | 'xlsx' | 'parquet' | 'r' | 'codebook';

export interface PrivacyOptions {
  /** Drop direct identifiers (codebook-flagged, or named like id/name/phone/address). */
  dropIdentifiers?: boolean;
  /** Shift every date of a patient by the same random number of days (seeded). */
  dateShift?: { seed: number; maxDays: number; idColumn: string };
  /**
   * Small-cell suppression for the frequency tables (xlsx "frequencies" sheet, frequencies CSV):
   * counts 1..k-1 are shown as "<k". Row-level data are not counts and are not changed.
   */
  suppressBelow?: number;
}

export interface ExportFile {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}
