/**
 * Connector over DuckDB-WASM's browser build, run inside the engine worker. DuckDB gets a
 * worker of its own (AsyncDuckDB), so the engine worker stays free to take a cancel request
 * while a query runs. The wasm and DuckDB's worker script are served from the app's own
 * origin (Vite emits them as assets); only the mvp and eh bundles ship.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Connector } from './connector';

/** `bytes` itself if it spans its whole buffer, else a copy that does. */
function ownedCopy(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

export interface BrowserEngine {
  connector: Connector;
  version: string;
  bundle: 'mvp' | 'eh';
}

export async function createBrowserConnector(): Promise<BrowserEngine> {
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  };
  const bundle = await duckdb.selectBundle(bundles);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: false } });
  const conn = await db.connect();
  for (const s of OFFLINE_SETTINGS) await conn.query(s);
  const version = await db.getVersion();

  const connector: Connector = {
    async query(sql) {
      return (await conn.query(sql)) as unknown as Table;
    },
    // AsyncDuckDB *transfers* the buffer behind a Uint8Array to its worker, detaching it here.
    // A view into a larger buffer (a chunk of an imported file) would take the whole file with
    // it, so such views are copied first; a buffer the caller hands over whole is transferred.
    async insertArrowIPC(table, ipc, create = true) {
      await conn.insertArrowFromIPCStream(ownedCopy(ipc), { name: table, create });
    },
    async registerFile(name, bytes) {
      await db.registerFileBuffer(name, ownedCopy(bytes));
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async cancel() {
      await conn.cancelSent();
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
  return { connector, version, bundle: bundle.mainModule === ehWasm ? 'eh' : 'mvp' };
}
