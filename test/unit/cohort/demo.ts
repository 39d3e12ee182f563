// Opens the shipped demo registry (public/registries/stroke-demo) on the real DuckDB-WASM Node
// build, the way the worker does, for the cohort tests.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { toJsonRows, type JsonCell } from '$core/engine/rows';
import { RegistrySession } from '$core/registry/session';
import type { RegistryManifest } from '$core/registry/types';

export const DEMO = 'stroke-demo';
const root = pathToFileURL(fileURLToPath(new URL('../../../public/registries/', import.meta.url))).href;

export interface Demo {
  conn: Connector;
  session: RegistrySession;
  manifest: RegistryManifest;
  rows(sql: string): Promise<Record<string, JsonCell>[]>;
}

/** Opens the demo registry and loads `tables` (default: all). */
export async function openDemo(tables?: string[]): Promise<Demo> {
  const conn = await createNodeConnector();
  const session = new RegistrySession(async (url) => new Uint8Array(await readFile(fileURLToPath(url))));
  const manifest = await session.open(root, DEMO);
  await session.ensureTables(conn, DEMO, tables);
  return { conn, session, manifest, rows: async (sql) => toJsonRows(await conn.query(sql)) };
}
