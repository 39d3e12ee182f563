/**
 * importFile: any supported file -> a typed table plus its raw text copy and metadata.
 *
 *   bytes --detect--> reader (csv | xlsx | parquet | arrow | json)
 *         --> __raw_<table> (all VARCHAR, missing tokens NULL)
 *         --> inferTypes (SQL aggregates)  --> <table> (typed, via casts.ts)
 *         --> __clinstat_columns / __clinstat_tables
 *
 * A failed or cancelled import drops whatever it created; existing tables are never replaced.
 */
import { ident, type Connector } from '../engine/connector';
import { UserError, type CancelToken } from '../errors';
import type { MeasureType } from '../plugin/types';
import { readArrow } from './arrow';
import { castColumn } from './casts';
import { emptyFileError, loadCsv } from './csv';
import { detectFormat } from './detect';
import { assertLooksLikeText, decodeText, detectEncoding } from './encoding';
import { inferTypes } from './infer';
import { readJson } from './json';
import { allTableNames, deleteMetadata, writeColumnTypes, writeSource } from './metadata';
import { rawTableName, tableNameFromFile } from './names';
import { readParquet } from './parquet';
import { describeTable } from './tables';
import { insertTextColumns, type TextColumns } from './text-columns';
import type { ImportOptions, ProgressFn, TableInfo } from './types';
import { readXlsx } from './xlsx';

function chooseTableName(fileName: string, options: ImportOptions, existing: string[]): string {
  if (options.tableName === undefined || options.tableName === '') return tableNameFromFile(fileName, existing);
  const name = options.tableName.trim();
  if (name === '' || name.startsWith('__')) {
    throw new UserError('spec', 'bad_table_name', {
      en: `"${options.tableName}" cannot be used as a table name (it must not be blank or start with "__").`,
      zh: `"${options.tableName}"不能用作表名（不能为空，也不能以"__"开头）。`,
    });
  }
  if (existing.some((t) => t.toLowerCase() === name.toLowerCase())) {
    throw new UserError('data', 'table_exists', {
      en: `A table named "${name}" already exists. Choose another name or remove that table first.`,
      zh: `已存在名为"${name}"的表。请换一个名称，或先删除该表。`,
    });
  }
  return name;
}

export async function importFile(
  conn: Connector,
  source: { name: string; bytes: Uint8Array },
  options: ImportOptions,
  progress: ProgressFn,
  cancel: CancelToken,
): Promise<TableInfo> {
  if (source.bytes.length === 0) throw emptyFileError(source.name);
  const format = detectFormat(source.name, source.bytes);
  const table = chooseTableName(source.name, options, await allTableNames(conn));
  const raw = rawTableName(table);
  const info: TableInfo['source'] = { file: source.name, format };
  progress(0, `Reading ${source.name}`);
  try {
    let columns: string[];
    let hints: (MeasureType | null)[] = [];
    let share = 0.85;
    if (format === 'csv') {
      const r = await loadCsv(conn, source, raw, options, progress, cancel, share);
      columns = r.columns;
      info.encoding = r.encoding;
      info.delimiter = r.delimiter;
    } else {
      let data: TextColumns;
      if (format === 'xlsx') {
        const x = await readXlsx(source.bytes, source.name, options.sheet);
        info.sheet = x.sheet;
        info.sheets = x.sheets;
        data = x;
      } else if (format === 'parquet') {
        data = await readParquet(source.bytes, source.name);
      } else if (format === 'arrow') {
        data = readArrow(source.bytes, source.name);
      } else {
        const enc = detectEncoding(source.bytes, options.encoding);
        assertLooksLikeText(source.bytes.subarray(enc.bom), source.name, enc);
        const text = decodeText(source.bytes.subarray(enc.bom), enc.encoding);
        if (text.trim() === '') throw emptyFileError(source.name);
        info.encoding = enc.encoding;
        data = readJson(text, source.name);
      }
      share = 0.5;
      progress(0.4, `Loading ${source.name}`);
      cancel.throwIfCancelled();
      await insertTextColumns(conn, raw, data, cancel);
      columns = data.names;
      hints = data.hints;
    }
    cancel.throwIfCancelled();
    progress(share + 0.02, 'Detecting column types');
    const stats = await inferTypes(conn, raw, columns, hints);
    cancel.throwIfCancelled();
    progress(share + 0.08, 'Creating the table');
    const select = columns.map((c, i) => `${castColumn(c, stats[i].type)} AS ${ident(c)}`).join(', ');
    await conn.query(`CREATE TABLE ${ident(table)} AS SELECT ${select} FROM ${ident(raw)}`);
    await writeColumnTypes(conn, table, columns.map((name, i) => ({ name, type: stats[i].type })));
    await writeSource(conn, table, info);
    const result = await describeTable(conn, table);
    progress(1, `Imported ${result.rows} rows`);
    return result;
  } catch (e) {
    await cleanup(conn, table, raw);
    throw e;
  }
}

async function cleanup(conn: Connector, table: string, raw: string): Promise<void> {
  try {
    await conn.query(`DROP TABLE IF EXISTS ${ident(table)}; DROP TABLE IF EXISTS ${ident(raw)}`);
    await deleteMetadata(conn, table);
  } catch {
    // best effort: the original error matters more
  }
}
