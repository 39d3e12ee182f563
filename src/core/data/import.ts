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
import { allTableNames, deleteMetadata, sqlColumnTypes, writeColumnTypes, writeSource } from './metadata';
import { measureTypeOfSql } from './sql-types';
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
    if (format === 'parquet') {
      const pq = await readParquet(source.bytes, source.name, async (ipc, first) => {
        cancel.throwIfCancelled();
        await conn.insertArrowIPC(raw, ipc, first);
      });
      progress(0.4, `Loaded ${source.name}`);
      columns = pq.names;
      share = 0.5;
    } else if (format === 'csv') {
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
    const storage = await sqlColumnTypes(conn, raw);
    // CSV numbers are all read as DOUBLE, so whole-number columns are narrowed to integer; a
    // typed source (Parquet, Arrow) declared its types and keeps them.
    const typed = await typeParsedColumns(conn, raw, columns, storage, format === 'csv');
    const textual = columns.filter((c) => !typed.has(c));
    const textTypes = await inferTypes(conn, raw, textual, textual.map((c) => hints[columns.indexOf(c)] ?? null));
    textual.forEach((c, i) => typed.set(c, textTypes[i].type));
    cancel.throwIfCancelled();
    progress(share + 0.08, 'Creating the table');
    const select = columns
      .map((c) => `${textual.includes(c) ? castColumn(c, typed.get(c)!) : storedColumn(c, typed.get(c)!)} AS ${ident(c)}`)
      .join(', ');
    await conn.query(`CREATE TABLE ${ident(table)} AS SELECT ${select} FROM ${ident(raw)}`);
    const converted = textual.filter((c) => typed.get(c) !== 'categorical' && typed.get(c) !== 'text');
    await keepOriginalText(conn, raw, converted);
    await writeColumnTypes(conn, table, columns.map((name) => ({ name, type: typed.get(name)! })));
    await writeSource(conn, table, info);
    const result = await describeTable(conn, table);
    progress(1, `Imported ${result.rows} rows`);
    return result;
  } catch (e) {
    await cleanup(conn, table, raw);
    throw e;
  }
}

/**
 * Columns the reader already parsed (DOUBLE, BOOLEAN, dates from typed sources) need no text
 * inference: a DOUBLE column whose values are all whole numbers within ±2^53 is integer.
 */
async function typeParsedColumns(conn: Connector, raw: string, columns: string[], storage: Map<string, string>, narrowDoubles: boolean): Promise<Map<string, MeasureType>> {
  const out = new Map<string, MeasureType>();
  const doubles: string[] = [];
  for (const c of columns) {
    const t = (storage.get(c) ?? 'VARCHAR').toUpperCase();
    if (t === 'VARCHAR') continue;
    if (t === 'DOUBLE' && narrowDoubles) doubles.push(c);
    else out.set(c, measureTypeOfSql(t));
  }
  if (doubles.length) {
    const exprs = doubles.map((c, i) => `bool_and(${ident(c)} = round(${ident(c)}) AND abs(${ident(c)}) < 9007199254740992) AS w${i}`);
    const row = (await conn.query(`SELECT ${exprs.join(', ')} FROM ${ident(raw)}`)).get(0)!.toJSON();
    // bool_and over no values is NULL: an all-missing numeric column stays numeric.
    doubles.forEach((c, i) => out.set(c, row[`w${i}`] === true ? 'integer' : 'numeric'));
  }
  return out;
}

/** The typed expression for a column the reader parsed. */
function storedColumn(name: string, type: MeasureType): string {
  if (type === 'integer') return `CAST(${ident(name)} AS BIGINT)`;
  // Arrow timestamps arrive as TIMESTAMP_MS/_NS; the app keeps one datetime type.
  if (type === 'datetime') return `CAST(${ident(name)} AS TIMESTAMP)`;
  return ident(name);
}

/**
 * Keeps, in the raw table, the original text of the columns whose values were converted from
 * text (dates, yes/no, numbers with stray tokens): setColumnType converts again from it. Other
 * columns convert from their stored values.
 */
async function keepOriginalText(conn: Connector, raw: string, converted: string[]): Promise<void> {
  if (converted.length === 0) {
    await conn.query(`DROP TABLE ${ident(raw)}`);
    return;
  }
  const tmp = `${raw}__text`;
  await conn.query(`CREATE TABLE ${ident(tmp)} AS SELECT ${converted.map(ident).join(', ')} FROM ${ident(raw)}`);
  await conn.query(`DROP TABLE ${ident(raw)}; ALTER TABLE ${ident(tmp)} RENAME TO ${ident(raw)}`);
}

async function cleanup(conn: Connector, table: string, raw: string): Promise<void> {
  try {
    await conn.query(`DROP TABLE IF EXISTS ${ident(table)}; DROP TABLE IF EXISTS ${ident(raw)}`);
    await deleteMetadata(conn, table);
  } catch {
    // best effort: the original error matters more
  }
}
