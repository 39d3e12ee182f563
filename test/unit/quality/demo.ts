// Opens the shipped demo registry on the real DuckDB (Node build), as the worker does.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { RegistrySession } from '$core/registry/session';
import type { RegistryManifest } from '$core/registry/types';

export const registriesRoot = pathToFileURL(fileURLToPath(new URL('../../../public/registries/', import.meta.url))).href;

export async function openDemo(): Promise<{ conn: Connector; manifest: RegistryManifest; session: RegistrySession }> {
  const session = new RegistrySession(async (url) => new Uint8Array(await readFile(fileURLToPath(url))));
  const conn = await createNodeConnector();
  const manifest = await session.open(registriesRoot, 'stroke-demo');
  await session.ensureTables(conn, 'stroke-demo');
  return { conn, manifest, session };
}

export interface Defect {
  kind: string;
  table: string;
  record_id: string;
  patient_id: string;
  column: string;
}

export async function groundTruth(): Promise<Defect[]> {
  const url = new URL('../../../public/registries/stroke-demo/ground_truth.json', import.meta.url);
  return (JSON.parse(await readFile(fileURLToPath(url), 'utf8')) as { defects: Defect[] }).defects;
}
