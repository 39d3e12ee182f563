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
  if (!('file' in spec.data)) {
    throw new UserError('spec', 'unsupported_source', {
      en: 'The command line reads data from a file: use "data": {"file": "path"}. Registry and dataset sources arrive with the registry feature.',
      zh: '命令行从文件读取数据：请使用 "data": {"file": "路径"}。注册库与分析数据集数据源将随注册库功能提供。',
    });
  }
  const dataPath = path.resolve(path.dirname(path.resolve(file)), spec.data.file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(dataPath));
  } catch {
    throw new UserError('data', 'no_data_file', { en: `Cannot read the data file "${dataPath}".`, zh: `无法读取数据文件 "${dataPath}"。` });
  }
  const conn = await createNodeConnector();
  try {
    const info = await importFile(conn, { name: path.basename(dataPath), bytes }, {}, () => {}, new CancelToken());
    const result = await runAnalysis(conn, spec, {
      table: info.name,
      origin: { file: spec.data.file, format: info.source.format, sheet: info.source.sheet },
    });
    io.out(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } finally {
    await conn.close();
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
