/**
 * The dataset slice of the engine API (see context.ts): builds analysis datasets from a cohort
 * in DuckDB, reshapes them and exports them (export code and its libraries load on first use).
 */
import { ident } from '../core/engine/connector';
import type { Connector } from '../core/engine/connector';
import { toJsonRows } from '../core/engine/rows';
import { UserError } from '../core/errors';
import { readColumnTypes } from '../core/data/metadata';
import { materializeCohortRef } from '../core/dataset/cohort-ref';
import { buildDataset, readDatasetColumns, type DatasetBuildResult } from '../core/dataset/build';
import { codedTables, listCodes, type CodeEntry } from '../core/dataset/codes';
import { compileDataset } from '../core/dataset/compile';
import type { DatasetColumn, DatasetDefinition } from '../core/dataset/types';
import { wideToLong, type WideToLongOptions } from '../core/dataset/wide-to-long';
import type { ExportFile, ExportFormat, PrivacyOptions } from '../core/export/types';
import type { ProgressEvent } from './api';
import type { WorkerContext } from './context';

export interface DatasetApi {
  /** Builds `ds_<name>` from the definition (cohort first), with progress per feature; cancel() stops it. */
  datasetBuild(definition: DatasetDefinition, onProgress?: (p: ProgressEvent) => void): Promise<DatasetBuildResult>;
  /** Exports a built dataset (or any table) as a file; privacy options apply. */
  datasetExport(table: string, format: ExportFormat, options: PrivacyOptions): Promise<ExportFile>;
  /** The frequency tables of a dataset's categorical columns as CSV, small cells suppressed when asked. */
  datasetFrequencies(table: string, options: PrivacyOptions): Promise<ExportFile>;
  /** The codes of a coded measurement table of an open registry (names, units, counts), for "by code" features. */
  datasetCodes(registryId: string, table: string): Promise<CodeEntry[]>;
  /** Turns columns of a dataset into rows, as a new table. */
  datasetWideToLong(table: string, options: WideToLongOptions): Promise<{ table: string; rows: number }>;
}

async function exportColumns(conn: Connector, table: string): Promise<DatasetColumn[]> {
  const known = await readDatasetColumns(conn, table);
  if (known) return known;
  // Not a dataset: describe from the stored measurement types.
  return [...(await readColumnTypes(conn, table))].map(([name, type]) => ({ name, type, label: { en: name, zh: name }, definition: { en: '', zh: '' } }));
}

async function exportSource(conn: Connector, table: string) {
  const columns = await exportColumns(conn, table);
  const rows = toJsonRows(await conn.query(`SELECT * FROM ${ident(table)}`));
  return { name: table.replace(/^ds_/, ''), columns, rows };
}

export function createDatasetApi(ctx: WorkerContext): DatasetApi {
  return {
    async datasetBuild(definition, onProgress) {
      const token = ctx.startWork();
      const report = ctx.progress('dataset', onProgress);
      const conn = await ctx.conn();
      const manifest = ctx.registries.manifest(definition.registryId);
      // Compiling first reports a bad definition before any table is loaded.
      const tables = compileDataset(definition, manifest, { cohort: 'c', step: (i) => `f${i}` }).tables;
      report(0, 'Loading registry tables');
      await ctx.registries.ensureTables(conn, definition.registryId, tables, (f, m) => report(0.3 * f, m), token);
      report(0.3, 'Selecting the cohort');
      const ensure = (tables?: string[]) => ctx.registries.ensureTables(conn, definition.registryId, tables, () => {}, token);
      const cohort = await materializeCohortRef(conn, manifest, definition, ensure, token);
      return buildDataset(conn, manifest, definition, cohort, (f, m) => report(0.35 + 0.65 * f, m), token);
    },
    async datasetExport(table, format, options) {
      const { exportTable } = await import('../core/export');
      const conn = await ctx.conn();
      return exportTable(await exportSource(conn, table), format, options);
    },
    async datasetFrequencies(table, options) {
      const { frequenciesCsv } = await import('../core/export');
      const conn = await ctx.conn();
      return frequenciesCsv(await exportSource(conn, table), options);
    },
    async datasetCodes(registryId, table) {
      const conn = await ctx.conn();
      const coded = codedTables(ctx.registries.manifest(registryId)).find((t) => t.table === table);
      if (!coded) {
        throw new UserError('spec', 'not_coded', { en: `Table "${table}" has no coded values to pick from.`, zh: `表"${table}"中没有可选的编码值。` });
      }
      await ctx.registries.ensureTables(conn, registryId, [table]);
      return listCodes(conn, coded);
    },
    async datasetWideToLong(table, options) {
      return wideToLong(await ctx.conn(), table, options);
    },
  };
}
