/**
 * Loaded tables, the selected table, its preview, and imports in progress.
 * A failed import or type change shows a message and never touches tables already loaded.
 */
import type { ColumnInfo, ImportOptions, TableInfo } from '../../core/data/types';
import type { MeasureType } from '../../core/plugin/types';
import type { Row } from '../../worker/api';
import { engine } from './engine.svelte';
import { toUiError, type UiError } from './errors';

export const PREVIEW_ROWS = 50;
export const MEASURE_TYPES: MeasureType[] = ['numeric', 'integer', 'boolean', 'categorical', 'date', 'datetime', 'text'];
export const ACCEPT = '.csv,.tsv,.txt,.xlsx,.parquet,.arrow,.feather,.ipc,.json';

export interface ImportState {
  file: string;
  fraction: number;
  message: string;
}

class DataStore {
  tables = $state.raw<TableInfo[]>([]);
  selectedName = $state<string | null>(null);
  selected = $derived(this.tables.find((t) => t.name === this.selectedName) ?? null);
  preview = $state.raw<Row[]>([]);
  previewFor = $state<string | null>(null);
  previewLoading = $state(false);
  importing = $state<ImportState | null>(null);
  error = $state<UiError | null>(null);
  /** Per-column messages after a type change ("table\u0000column" -> message). */
  columnMessages = $state<Record<string, { ok: boolean; error?: UiError; type: MeasureType }>>({});

  /** Original files, so an Excel table can be re-imported from another sheet. */
  #files = new Map<string, Blob & { name: string }>();

  async importFile(file: Blob & { name: string }, options: ImportOptions = {}): Promise<TableInfo | null> {
    if (this.importing) return null;
    this.error = null;
    this.importing = { file: file.name, fraction: 0, message: '' };
    try {
      const onProgress = engine.progress((p) => {
        if (this.importing) this.importing = { file: file.name, fraction: p.fraction, message: p.message };
      });
      const info = await engine.call((api) => api.loadFile(file, options, onProgress));
      this.#files.set(info.name, file);
      this.#upsert(info);
      this.select(info.name);
      return info;
    } catch (e) {
      const err = toUiError(e);
      if (!err.cancelled) this.error = err;
      return null;
    } finally {
      this.importing = null;
    }
  }

  /** Fetches the bundled sample CSV (relative to the page, so sub-path hosting works) and imports it. */
  async loadSample(name = 'ToothGrowth.csv'): Promise<void> {
    this.error = null;
    try {
      const res = await fetch(new URL(`samples/${name}`, document.baseURI));
      if (!res.ok) {
        this.error = { key: 'data.sampleFailed', params: { status: `HTTP ${res.status}` } };
        return;
      }
      const file = new File([await res.blob()], name, { type: 'text/csv' });
      await this.importFile(file);
    } catch (e) {
      this.error = { key: 'data.sampleFailed', params: { status: toUiError(e).params?.message ?? String(e) } };
    }
  }

  async cancelImport(): Promise<void> {
    await engine.cancel();
  }

  /**
   * Re-imports an Excel table from another sheet, keeping its name. The engine refuses
   * duplicate names, so the old table is dropped first; if the new sheet fails to import
   * (or is cancelled), the previous sheet is imported again so no table is lost.
   */
  async changeSheet(table: TableInfo, sheet: string): Promise<void> {
    const file = this.#files.get(table.name);
    if (!file || sheet === table.source.sheet || this.importing) return;
    this.error = null;
    try {
      await engine.call((api) => api.dropTable(table.name));
    } catch (e) {
      this.error = toUiError(e);
      return;
    }
    const info = await this.importFile(file, { sheet, tableName: table.name });
    if (info) return;
    const failure = this.error;
    const restored = await this.importFile(file, { sheet: table.source.sheet, tableName: table.name });
    if (!restored) this.tables = this.tables.filter((t) => t.name !== table.name);
    this.error = failure ?? this.error;
  }

  select(name: string | null): void {
    this.selectedName = name;
    void this.refreshPreview();
  }

  async refreshPreview(): Promise<void> {
    const name = this.selectedName;
    if (!name) {
      this.preview = [];
      this.previewFor = null;
      return;
    }
    this.previewLoading = true;
    try {
      const rows = await engine.call((api) => api.preview(name, PREVIEW_ROWS));
      if (this.selectedName === name) {
        this.preview = rows;
        this.previewFor = name;
      }
    } catch (e) {
      this.error = toUiError(e);
    } finally {
      this.previewLoading = false;
    }
  }

  /** Changes a column's type; on failure keeps the old type and shows why next to the column. */
  async setColumnType(table: string, column: string, type: MeasureType): Promise<boolean> {
    const key = `${table}\u0000${column}`;
    try {
      const info: ColumnInfo = await engine.call((api) => api.setColumnType(table, column, type));
      this.tables = this.tables.map((t) =>
        t.name === table ? { ...t, columns: t.columns.map((c) => (c.name === column ? info : c)) } : t,
      );
      this.columnMessages = { ...this.columnMessages, [key]: { ok: true, type: info.type } };
      if (this.selectedName === table) void this.refreshPreview();
      return true;
    } catch (e) {
      this.columnMessages = { ...this.columnMessages, [key]: { ok: false, error: toUiError(e), type } };
      return false;
    }
  }

  columnMessage(table: string, column: string) {
    return this.columnMessages[`${table}\u0000${column}`];
  }

  clearColumnMessage(table: string, column: string): void {
    const key = `${table}\u0000${column}`;
    if (!(key in this.columnMessages)) return;
    const { [key]: _removed, ...rest } = this.columnMessages;
    this.columnMessages = rest;
  }

  async dropTable(name: string): Promise<void> {
    try {
      await engine.call((api) => api.dropTable(name));
      this.tables = this.tables.filter((t) => t.name !== name);
      this.#files.delete(name);
      if (this.selectedName === name) this.select(this.tables[0]?.name ?? null);
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  dismissError(): void {
    this.error = null;
  }

  #upsert(info: TableInfo): void {
    const i = this.tables.findIndex((t) => t.name === info.name);
    this.tables = i < 0 ? [...this.tables, info] : this.tables.map((t, j) => (j === i ? info : t));
  }
}

export const data = new DataStore();
