/**
 * The typed API the engine worker exposes to the UI through Comlink.
 * Everything heavy happens behind it; the UI thread only renders.
 */
import type { ColumnInfo, ImportOptions, TableInfo } from '../core/data/types';
import type { MeasureType } from '../core/plugin/types';
import type { AnalysisSpec, Result } from '../core/results/types';
import type { RegistryIndex, RegistryManifest } from '../core/registry/types';
import type { VariableSummary } from '../core/registry/summary';
import type { PatientTimeline } from '../core/registry/timeline';
import type { CohortApi } from './cohort-api';
import type { DatasetApi } from './dataset-api';
import type { QualityApi } from './quality-api';

export interface ProgressEvent {
  /** Which piece of work: "import", "analysis", ... */
  task: string;
  fraction: number;
  message: string;
}

/** Rows as plain JSON-safe objects (BigInt converted to number or string, dates as ISO strings). */
export type Row = Record<string, string | number | boolean | null>;

export interface EngineApi extends CohortApi, DatasetApi, QualityApi {
  /** Starts DuckDB; resolves with its version. */
  init(): Promise<{ version: string; bundle: string }>;
  /** Imports a file (File or bytes) into a new table. Progress via `onProgress`. */
  loadFile(file: Blob & { name: string }, options: ImportOptions, onProgress?: (p: ProgressEvent) => void): Promise<TableInfo>;
  listTables(): Promise<TableInfo[]>;
  describeTable(table: string): Promise<TableInfo>;
  preview(table: string, limit: number): Promise<Row[]>;
  /** Changes a column's measurement type; fails with a UserError if values do not convert. */
  setColumnType(table: string, column: string, type: MeasureType): Promise<ColumnInfo>;
  dropTable(table: string): Promise<void>;
  query(sql: string): Promise<Row[]>;
  runAnalysis(spec: AnalysisSpec, onProgress?: (p: ProgressEvent) => void): Promise<Result>;
  /** Cancels the running import or analysis; it rejects with a CancelledError. */
  cancel(): Promise<void>;

  /** The registry extracts on offer: `root` is the URL of the registries/ folder (ends with /). */
  listRegistries(root: string): Promise<RegistryIndex['registries']>;
  /** Reads and validates a registry's manifest (fast: the catalogue can show at once; tables load lazily). */
  openRegistry(root: string, id: string, onProgress?: (p: ProgressEvent) => void): Promise<RegistryManifest>;
  /** Loads every table of an open registry (progress per table), then summarises each catalogue variable. */
  catalogueSummary(id: string, onProgress?: (p: ProgressEvent) => void): Promise<VariableSummary[]>;
  /** Patients of an open registry (id, sex, age, index date), optionally filtered by an id prefix. */
  listPatients(id: string, search: string, limit: number): Promise<Row[]>;
  /** The first records (patient_id, value, ...) of a catalogue variable in an open registry. */
  variableRecords(id: string, variableId: string, limit: number): Promise<Row[]>;
  /** One patient's timeline in an open registry. */
  patientTimeline(id: string, patientId: string | number): Promise<PatientTimeline>;
}
