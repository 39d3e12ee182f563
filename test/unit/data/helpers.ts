import { createNodeConnector } from '$core/engine/duckdb-node';
import type { Connector } from '$core/engine/connector';
import { CancelToken } from '$core/errors';
import { importFile } from '$core/data';
import type { ImportOptions, TableInfo } from '$core/data/types';

export async function newConn(): Promise<Connector> {
  return createNodeConnector();
}

export function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

export async function imp(conn: Connector, name: string, content: string | Uint8Array, options: ImportOptions = {}): Promise<TableInfo> {
  return importFile(conn, { name, bytes: bytesOf(content) }, options, () => {}, new CancelToken());
}

/** All user + internal table names currently in the engine. */
export async function tableNames(conn: Connector): Promise<string[]> {
  const t = await conn.query(`SELECT table_name FROM information_schema.tables ORDER BY 1`);
  return t.toArray().map((r) => r.toJSON().table_name as string);
}

export async function rows(conn: Connector, sql: string): Promise<Record<string, unknown>[]> {
  const t = await conn.query(sql);
  return t.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
    return o;
  });
}

export function typesOf(info: TableInfo): Record<string, string> {
  return Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
}

/** Expects `p` to reject with a UserError; returns it. */
export async function userError(p: Promise<unknown>): Promise<{ code: string; message: string; i18n: { en: string; zh: string }; kind: string }> {
  try {
    await p;
  } catch (e) {
    if ((e as Error).name === 'UserError') return e as never;
    throw e;
  }
  throw new Error('expected a UserError');
}
