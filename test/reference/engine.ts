/**
 * The real engine for reference tests: a DuckDB-WASM (Node) connection per test file, the
 * fixture CSVs imported as a user would import them, and specs run through the runner.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { importFile } from '$core/data/import';
import { CancelToken } from '$core/errors';
import { runAnalysis } from '$core/plugin/runner';
import type { AnalysisSpec, Result } from '$core/results/types';

const dataDir = fileURLToPath(new URL('./data/', import.meta.url));

/** Call at the top of a test file: opens the engine before its tests and closes it after. */
export function useEngine() {
  let conn: Connector;
  const tables = new Map<string, string>();
  beforeAll(async () => {
    conn = await createNodeConnector();
  });
  afterAll(async () => {
    await conn?.close();
  });
  /** The engine table holding test/reference/data/<data>.csv (imported once). */
  async function tableFor(data: string): Promise<string> {
    if (!tables.has(data)) {
      const bytes = new Uint8Array(readFileSync(`${dataDir}${data}.csv`));
      const info = await importFile(conn, { name: `${data}.csv`, bytes }, {}, () => {}, new CancelToken());
      tables.set(data, info.name);
    }
    return tables.get(data)!;
  }
  /** Runs a spec on test/reference/data/<data>.csv through the runner. */
  async function runSpec(spec: AnalysisSpec, data: string): Promise<Result> {
    return runAnalysis(conn, spec, { table: await tableFor(data), origin: { file: `${data}.csv`, format: 'csv' } });
  }
  return { runSpec, tableFor };
}
