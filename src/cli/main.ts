/**
 * `clinstat` command: run an analysis spec, or list the plugins (RESULTS.md).
 * Exit codes: 0 ok, 2 invalid spec or usage, 3 data problem, 1 unexpected failure.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createNodeConnector } from '../core/engine/duckdb-node';
import { CancelToken, UserError } from '../core/errors';
import { importFile } from '../core/data';
import { manifests } from '../core/plugin/registry';
import { runAnalysis } from '../core/plugin/runner';
import { parseSpec } from './spec';
import { fileURLToPath } from 'node:url';
import type { Connector } from '../core/engine/connector';
import type { AnalysisSpec } from '../core/results/types';
import type { DataOrigin } from '../core/results/r-prelude';
import { loadRegistryTables, parseIndex, readManifest, type ReadFile } from '../core/registry/load';
import { buildDataset } from '../core/dataset/build';
import { materializeCohortRef } from '../core/dataset/cohort-ref';
import { compileDataset } from '../core/dataset/compile';
import type { DatasetDefinition } from '../core/dataset/types';

const USAGE = `Usage:
  clinstat run <spec.json>   run an analysis spec and print the result as JSON
  clinstat list              list every plugin with its roles and options
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

function listPlugins(io: Io): number {
  const list = manifests.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title.en,
    roles: m.roles.map((r) => ({ name: r.name, types: r.types, min: r.min, max: r.max, ...(r.levels ? { levels: r.levels } : {}) })),
    options: m.options.map((o) => ({ name: o.name, type: o.type, default: o.default, ...(o.type === 'enum' ? { values: o.values.map((v) => v.value) } : {}) })),
  }));
  io.out(JSON.stringify(list, null, 2) + '\n');
  return 0;
}

async function runSpec(file: string, io: Io): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError('spec', 'no_spec', { en: `Cannot read the spec file "${file}".`, zh: `无法读取分析规格文件 "${file}"。` });
  }
  const spec = parseSpec(text);
  const specDir = path.dirname(path.resolve(file));
  const conn = await createNodeConnector();
  try {
    const source = await loadSource(conn, spec, specDir);
    const result = await runAnalysis(conn, spec, { table: source.table, origin: source.origin });
    io.out(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } finally {
    await conn.close();
  }
}

/** Loads the spec's data source into the engine: a file, one table of a registry extract, or an analysis dataset. */
async function loadSource(conn: Connector, spec: AnalysisSpec, specDir: string): Promise<{ table: string; origin: DataOrigin }> {
  if ('file' in spec.data) {
    const dataPath = path.resolve(specDir, spec.data.file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(dataPath));
    } catch {
      throw new UserError('data', 'no_data_file', { en: `Cannot read the data file "${dataPath}".`, zh: `无法读取数据文件 "${dataPath}"。` });
    }
    const info = await importFile(conn, { name: path.basename(dataPath), bytes }, {}, () => {}, new CancelToken());
    return { table: info.name, origin: { file: spec.data.file, format: info.source.format, sheet: info.source.sheet } };
  }
  if ('registry' in spec.data) {
    const folder = await registryFolder(spec.data.registry, specDir);
    const read: ReadFile = async (p) => new Uint8Array(await readFile(path.join(folder, p)));
    const manifest = await readManifest(read);
    const table = manifest.tables.find((t) => t.name === (spec.data as { table: string }).table);
    if (!table) {
      throw new UserError('spec', 'unknown_table', {
        en: `The registry "${manifest.id}" has no table "${spec.data.table}". Its tables are: ${manifest.tables.map((t) => t.name).join(', ')}.`,
        zh: `登记库"${manifest.id}"中没有数据表"${spec.data.table}"。现有数据表：${manifest.tables.map((t) => t.name).join('、')}。`,
      });
    }
    await loadRegistryTables(conn, manifest, read, () => {}, new CancelToken(), [table.name]);
    return { table: table.name, origin: { file: path.relative(specDir, path.join(folder, table.file)) || table.file, format: table.format } };
  }
  if ('dataset' in spec.data) return loadDataset(conn, path.resolve(specDir, spec.data.dataset));
  throw new UserError('spec', 'unsupported_source', {
    en: 'The command line reads "data": {"file": path}, {"registry": folder-or-id, "table": name} or {"dataset": definition.json}.',
    zh: '命令行支持 "data": {"file": 路径}、{"registry": 文件夹或编号, "table": 表名} 或 {"dataset": 定义.json}。',
  });
}

/**
 * An analysis dataset from its saved definition (the JSON the Datasets view saves): the registry
 * it names is opened, the cohort selected and the dataset built, as in the workbench.
 */
async function loadDataset(conn: Connector, file: string): Promise<{ table: string; origin: DataOrigin }> {
  let def: DatasetDefinition;
  try {
    def = JSON.parse(await readFile(file, 'utf8')) as DatasetDefinition;
  } catch (e) {
    throw new UserError('spec', 'bad_dataset_file', {
      en: `Cannot read the dataset definition "${file}": ${(e as Error).message}`,
      zh: `无法读取分析数据集定义"${file}"：${(e as Error).message}`,
    });
  }
  if (!def || typeof def !== 'object' || typeof def.registryId !== 'string' || !Array.isArray(def.features)) {
    throw new UserError('spec', 'bad_dataset_file', {
      en: `"${file}" is not a dataset definition (it needs "registryId", "cohort" and "features").`,
      zh: `"${file}"不是分析数据集定义（需要 "registryId"、"cohort" 和 "features"）。`,
    });
  }
  const folder = await registryFolder(def.registryId, path.dirname(file));
  const read: ReadFile = async (p) => new Uint8Array(await readFile(path.join(folder, p)));
  const manifest = await readManifest(read);
  const tables = compileDataset(def, manifest, { cohort: 'c', step: (i) => `f${i}` }).tables;
  const loaded = new Set<string>();
  const ensure = async (names?: string[]) => {
    const wanted = (names ?? manifest.tables.map((t) => t.name)).filter((n) => !loaded.has(n));
    if (wanted.length) await loadRegistryTables(conn, manifest, read, () => {}, new CancelToken(), wanted);
    for (const n of wanted) loaded.add(n);
  };
  await ensure(tables);
  const cohort = await materializeCohortRef(conn, manifest, def, ensure);
  const built = await buildDataset(conn, manifest, def, cohort);
  return { table: built.table, origin: { file: def.name, format: 'dataset' } };
}

/** A registry given as a folder (relative to the spec) or as an id of the bundled public/registries/index.json. */
async function registryFolder(registry: string, specDir: string): Promise<string> {
  const asPath = path.resolve(specDir, registry);
  const folder = asPath.endsWith('registry.json') ? path.dirname(asPath) : asPath;
  try {
    await readFile(path.join(folder, 'registry.json'));
    return folder;
  } catch {
    const bundled = fileURLToPath(new URL('../../public/registries/', import.meta.url));
    try {
      const index = parseIndex(new Uint8Array(await readFile(path.join(bundled, 'index.json'))));
      const entry = index.registries.find((r) => r.id === registry);
      if (entry) return path.join(bundled, entry.path);
    } catch {
      /* fall through to the message */
    }
    throw new UserError('spec', 'unknown_registry', {
      en: `"${registry}" is neither a folder with a registry.json nor the id of a bundled registry.`,
      zh: `"${registry}"既不是含 registry.json 的文件夹，也不是内置登记库的编号。`,
    });
  }
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'list' && rest.length === 0) return listPlugins(io);
    if (command === 'run' && rest.length === 1) return await runSpec(rest[0], io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    io.err(USAGE);
    return 2;
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`clinstat: ${e.message}\n`);
      return e.kind === 'spec' ? 2 : 3;
    }
    io.err(`clinstat: unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 1;
  }
}
