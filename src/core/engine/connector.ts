/**
 * The SQL seam (as uwdata/mosaic's Connector): everything above it speaks SQL and Arrow,
 * so the same core runs on DuckDB-WASM in a browser worker, in Node (CLI, tests, bench)
 * and, later, against a server engine.
 */
import type { RecordBatch, Table } from 'apache-arrow';

export interface Connector {
  /** Runs one SQL statement (or several separated by `;`) and returns the last result as Arrow. */
  query(sql: string): Promise<Table>;
  /**
   * Runs one SELECT and yields its result batch by batch, where the engine can stream: the
   * reader copies each batch while it is in cache, and the whole result is never held twice
   * (in the engine's memory and as one Arrow buffer). Optional: callers fall back to query().
   */
  stream?(sql: string): AsyncIterable<RecordBatch>;
  /**
   * Creates (or appends to) `table` from an Arrow IPC stream. Like registerFile, it may take
   * ownership of a buffer it is given whole (the browser build transfers it to DuckDB's worker):
   * do not reuse `ipc` afterwards.
   */
  insertArrowIPC(table: string, ipc: Uint8Array, create?: boolean): Promise<void>;
  /** Makes `bytes` readable by SQL under `name` (e.g. read_csv('name')). May take ownership of a whole buffer. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Asks the engine to abandon the running query (best effort). */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

/** Statements every connection runs first: never fetch an extension from the internet. */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** Quotes an SQL string literal. */
export function literal(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}
