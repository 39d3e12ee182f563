/**
 * Connector over DuckDB-WASM's Node build (blocking API), used by the CLI, vitest and
 * benchmarks. The same wasm as the browser runs, so tests exercise the real engine.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RecordBatch, Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Connector } from './connector';

type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');

export async function createNodeConnector(): Promise<Connector> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const duckdb: Blocking = require(entry);
  const dist = path.dirname(entry);
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  const conn = db.connect();
  for (const s of OFFLINE_SETTINGS) conn.query(s);

  return {
    async query(sql) {
      return conn.query(sql) as unknown as Table;
    },
    async *stream(sql) {
      // Measured on a 1,000,000 x 21 DOUBLE read: 0.45 s streamed against 0.6 s for query()
      // followed by the copy out of the Arrow table.
      const reader = (await conn.send(sql, true)) as unknown as Iterable<RecordBatch>;
      yield* reader;
    },
    async insertArrowIPC(table, ipc, create = true) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create });
    },
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async cancel() {
      // The blocking build runs each query to completion; long work checks its CancelToken between steps.
    },
    async close() {
      conn.close();
      db.reset();
    },
  };
}
