// Opens the shipped demo registry on the real DuckDB-WASM Node build, once per test file.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { toJsonRows, type JsonCell } from '$core/engine/rows';
import { RegistrySession } from '$core/registry/session';
import type { RegistryManifest } from '$core/registry/types';

export const root = pathToFileURL(fileURLToPath(new URL('../../../public/registries/', import.meta.url))).href;

export async function openDemo(): Promise<{ conn: Connector; manifest: RegistryManifest; session: RegistrySession }> {
  const session = new RegistrySession(async (url) => new Uint8Array(await readFile(fileURLToPath(url))));
  const conn = await createNodeConnector();
  const manifest = await session.open(root, 'stroke-demo');
  await session.ensureTables(conn, 'stroke-demo');
  return { conn, manifest, session };
}

export async function rows(conn: Connector, sql: string): Promise<Record<string, JsonCell>[]> {
  return toJsonRows(await conn.query(sql));
}

/** Days between two ISO dates (b - a). */
export function days(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
}
