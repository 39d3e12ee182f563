/**
 * Opening a registry extract: read and validate its manifest, then load its tables into the
 * engine under the manifest's table names. How bytes are read is the caller's (fetch in the
 * browser worker, the file system in Node), so the same code serves the app, the CLI and tests.
 */
import type { Connector } from '../engine/connector';
import { CancelToken, UserError } from '../errors';
import { ident } from '../engine/connector';
import { importFile } from '../data/import';
import { sqlColumnTypes, tableExists, writeColumnTypes, writeSource } from '../data/metadata';
import { readParquet } from '../data/parquet';
import type { ProgressFn } from '../data/types';
import type { RegistryIndex, RegistryManifest, RegistryTable } from './types';
import { validateIndex, validateManifest } from './validate';

/** Reads a file of the registry folder (path relative to registry.json) as bytes. */
export type ReadFile = (path: string) => Promise<Uint8Array>;

function invalid(what: string, errors: { path: string; message: { en: string; zh: string } }[]): UserError {
  const shown = errors.slice(0, 5);
  const more = errors.length > 5 ? ` (+${errors.length - 5} more)` : '';
  return new UserError('data', 'invalid_manifest', {
    // The messages name their place already ("tables[3].file is missing").
    en: `${what} is not valid: ${shown.map((e) => e.message.en).join('; ')}${more}`,
    zh: `${what}无效：${shown.map((e) => e.message.zh).join('；')}${more}`,
  });
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new UserError('data', 'bad_json', { en: `${what} is not valid JSON: ${(e as Error).message}`, zh: `${what}不是有效的 JSON：${(e as Error).message}` });
  }
}

export function parseIndex(bytes: Uint8Array): RegistryIndex {
  const { index, errors } = validateIndex(parseJson(bytes, 'index.json'));
  if (!index) throw invalid('index.json', errors);
  return index;
}

export async function readManifest(read: ReadFile): Promise<RegistryManifest> {
  let bytes: Uint8Array;
  try {
    bytes = await read('registry.json');
  } catch {
    throw new UserError('data', 'no_manifest', { en: 'The registry folder has no readable registry.json.', zh: '登记库文件夹中没有可读取的 registry.json。' });
  }
  const { manifest, errors } = validateManifest(parseJson(bytes, 'registry.json'));
  if (!manifest) throw invalid('registry.json', errors);
  return manifest;
}

/**
 * Loads the registry's tables (all, or the named ones) that are not loaded yet, reporting
 * progress per table. Returns the names loaded now.
 */
export async function loadRegistryTables(
  conn: Connector,
  manifest: RegistryManifest,
  read: ReadFile,
  progress: ProgressFn = () => {},
  cancel: CancelToken = new CancelToken(),
  only?: string[],
): Promise<string[]> {
  const wanted = manifest.tables.filter((t) => !only || only.includes(t.name));
  const loaded: string[] = [];
  for (const [i, table] of wanted.entries()) {
    cancel.throwIfCancelled();
    progress(i / wanted.length, `Loading ${table.name} (${i + 1}/${wanted.length})`);
    if (await tableExists(conn, table.name)) continue;
    let bytes: Uint8Array;
    try {
      bytes = await read(table.file);
    } catch {
      throw new UserError('data', 'missing_table_file', {
        en: `The registry's table "${table.name}" needs the file "${table.file}", which could not be read.`,
        zh: `登记库的数据表"${table.name}"需要文件"${table.file}"，但无法读取。`,
      });
    }
    if (table.format === 'parquet') await loadDeclaredParquet(conn, table, bytes);
    else await importFile(conn, { name: table.file, bytes }, { tableName: table.name }, () => {}, cancel);
    loaded.push(table.name);
  }
  progress(1, 'Registry loaded');
  return loaded;
}

/**
 * A registry's Parquet table needs no type inference: the file carries storage types and the
 * manifest declares measurement types. So it goes straight from Arrow into its table, which
 * makes opening a registry several times faster than importing each file as an unknown one.
 */
async function loadDeclaredParquet(conn: Connector, table: RegistryTable, bytes: Uint8Array): Promise<void> {
  try {
    await readParquet(bytes, table.file, (ipc, first) => conn.insertArrowIPC(table.name, ipc, first));
  } catch (e) {
    // A half-loaded table would pass for a loaded one next time: drop it.
    await conn.query(`DROP TABLE IF EXISTS ${ident(table.name)}`).catch(() => {});
    throw e;
  }
  // Arrow timestamps arrive as TIMESTAMP_MS; the app keeps one datetime type.
  for (const [column, sqlType] of await sqlColumnTypes(conn, table.name)) {
    if (/^TIMESTAMP_/.test(sqlType)) await conn.query(`ALTER TABLE ${ident(table.name)} ALTER ${ident(column)} TYPE TIMESTAMP`);
  }
  const declared = new Map(table.columns.map((c) => [c.name, c.type]));
  const storage = await sqlColumnTypes(conn, table.name);
  await writeColumnTypes(conn, table.name, [...storage.keys()].map((name) => ({ name, type: declared.get(name) ?? 'text' })));
  await writeSource(conn, table.name, { file: table.file, format: 'parquet' });
}
