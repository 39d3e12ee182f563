/**
 * The engine worker: owns DuckDB and runs imports and analyses, so the UI thread only
 * renders. Exposed to the UI with Comlink as EngineApi.
 */
import * as Comlink from 'comlink';
import { createBrowserConnector, type BrowserEngine } from '../core/engine/duckdb-browser';
import { CancelToken, UserError } from '../core/errors';
import { describeTable, dropTable, importFile, listTables, previewRows, setColumnType, tableSource } from '../core/data';
import { runAnalysis } from '../core/plugin/runner';
import { datasetTable } from '../core/dataset/build';
import { toJsonRows } from '../core/engine/rows';
import { RegistrySession } from '../core/registry/session';
import type { EngineApi, ProgressEvent } from './api';
import { createCohortApi } from './cohort-api';
import type { WorkerContext } from './context';
import { createDatasetApi } from './dataset-api';
import { createQualityApi } from './quality-api';
import { rethrowSerialized } from './errors';

let engine: Promise<BrowserEngine> | null = null;
let current: CancelToken | null = null;
const registries = new RegistrySession(async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
});

function getEngine(): Promise<BrowserEngine> {
  engine ??= createBrowserConnector();
  return engine;
}

async function conn() {
  return (await getEngine()).connector;
}

/** One cancellable piece of work at a time; a new one replaces the token. */
function startWork(): CancelToken {
  current = new CancelToken();
  return current;
}

function tableOf(spec: Parameters<EngineApi['runAnalysis']>[0]): string {
  if ('dataset' in spec.data) return datasetTable(spec.data.dataset);
  if ('table' in spec.data && !('registry' in spec.data)) return spec.data.table;
  throw new UserError('spec', 'unsupported_source', {
    en: 'In the workbench, analyses run on a loaded table. Load the file first.',
    zh: '在工作台中，分析针对已加载的数据表进行。请先加载文件。',
  });
}

const context: WorkerContext = {
  conn,
  registries,
  startWork,
  progress: (task, onProgress) => (fraction, message) => onProgress?.({ task, fraction, message }),
};

const api: EngineApi = {
  ...createCohortApi(context),
  ...createDatasetApi(context),
  ...createQualityApi(context),
  async init() {
    const e = await getEngine();
    return { version: e.version, bundle: e.bundle };
  },
  async loadFile(file, options, onProgress) {
    const token = startWork();
    const c = await conn();
    const report = (fraction: number, message: string) => onProgress?.({ task: 'import', fraction, message } satisfies ProgressEvent);
    report(0, 'Reading file');
    const bytes = new Uint8Array(await file.arrayBuffer());
    token.throwIfCancelled();
    return importFile(c, { name: file.name, bytes }, options, report, token);
  },
  async listTables() {
    return listTables(await conn());
  },
  async describeTable(table) {
    return describeTable(await conn(), table);
  },
  async preview(table, limit) {
    return previewRows(await conn(), table, limit);
  },
  async setColumnType(table, column, type) {
    return setColumnType(await conn(), table, column, type);
  },
  async dropTable(table) {
    return dropTable(await conn(), table);
  },
  async query(sql) {
    return toJsonRows(await (await conn()).query(sql));
  },
  async runAnalysis(spec, onProgress) {
    const token = startWork();
    const c = await conn();
    const table = tableOf(spec);
    const source = await tableSource(c, table);
    return runAnalysis(c, spec, {
      table,
      origin: { file: source.file, format: source.format, sheet: source.sheet },
      cancel: token,
      progress: (fraction, message) => onProgress?.({ task: 'analysis', fraction, message }),
    });
  },
  async listRegistries(root) {
    return registries.list(root);
  },
  async openRegistry(root, id) {
    return registries.open(root, id);
  },
  async catalogueSummary(id, onProgress) {
    const token = startWork();
    return registries.summary(await conn(), id, (fraction, message) => onProgress?.({ task: 'catalogue', fraction, message }), token);
  },
  async listPatients(id, search, limit) {
    return registries.patients(await conn(), id, search, limit);
  },
  async variableRecords(id, variableId, limit) {
    return registries.records(await conn(), id, variableId, limit);
  },
  async patientTimeline(id, patientId) {
    return registries.timeline(await conn(), id, patientId);
  },
  async cancel() {
    current?.cancel();
    if (engine) await (await engine).connector.cancel().catch(() => {});
  },
};

// Errors cross the worker boundary as JSON, so the UI can show the user's-language message.
const exposed = Object.fromEntries(
  Object.entries(api).map(([name, fn]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (e) {
        rethrowSerialized(e);
      }
    },
  ]),
) as unknown as EngineApi;

Comlink.expose(exposed);
