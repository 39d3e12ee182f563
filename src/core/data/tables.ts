/**
 * Working with imported tables: describe, list, preview, change a column's type, drop.
 */
import { ident, type Connector } from '../engine/connector';
import { toJsonRows, type JsonCell } from '../engine/rows';
import { UserError } from '../errors';
import type { MeasureType } from '../plugin/types';
import { castTextLenient } from './casts';
import {
  deleteMetadata,
  readColumnTypes,
  readSource,
  sqlColumnTypes,
  tableExists,
  userTableNames,
  writeColumnTypes,
} from './metadata';
import { rawTableName } from './names';
import type { ColumnInfo, TableInfo } from './types';

const TYPE_WORDS: Record<MeasureType, { en: string; zh: string }> = {
  integer: { en: 'a whole number', zh: '整数' },
  numeric: { en: 'a number', zh: '数值' },
  boolean: { en: 'yes/no (true/false)', zh: '是/否（逻辑值）' },
  date: { en: 'a date (e.g. 2023-01-05)', zh: '日期（如 2023-01-05）' },
  datetime: { en: 'a date and time (e.g. 2023-01-05 08:30)', zh: '日期时间（如 2023-01-05 08:30）' },
  categorical: { en: 'a category', zh: '分类' },
  text: { en: 'text', zh: '文本' },
};

async function requireTable(conn: Connector, table: string): Promise<void> {
  if (table.startsWith('__') || !(await tableExists(conn, table))) {
    throw new UserError('data', 'no_such_table', {
      en: `There is no table named "${table}".`,
      zh: `没有名为"${table}"的表。`,
    });
  }
}

async function columnStats(conn: Connector, table: string, columns: string[]): Promise<{ rows: number; missing: number[]; distinct: number[] }> {
  const exprs = ['count(*) AS n'];
  columns.forEach((c, i) => exprs.push(`count(${ident(c)}) AS m${i}`, `count(DISTINCT ${ident(c)}) AS d${i}`));
  const r = (await conn.query(`SELECT ${exprs.join(', ')} FROM ${ident(table)}`)).get(0)!.toJSON() as Record<string, number | bigint>;
  const rows = Number(r.n);
  return {
    rows,
    missing: columns.map((_, i) => rows - Number(r[`m${i}`])),
    distinct: columns.map((_, i) => Number(r[`d${i}`])),
  };
}

/** Rows, columns (measurement type, DuckDB type, missing, distinct) and source of `table`. */
/**
 * Where a table came from, without describing its columns: an analysis needs only this, and
 * describing counts missing and distinct values of every column (a full scan of a large table).
 */
export async function tableSource(conn: Connector, table: string): Promise<TableInfo['source']> {
  await requireTable(conn, table);
  return (await readSource(conn, table)) ?? { file: table, format: 'csv' as const };
}

export async function describeTable(conn: Connector, table: string): Promise<TableInfo> {
  await requireTable(conn, table);
  const sql = await sqlColumnTypes(conn, table);
  const types = await readColumnTypes(conn, table);
  const names = [...sql.keys()];
  const stats = await columnStats(conn, table, names);
  const source = (await readSource(conn, table)) ?? { file: table, format: 'csv' as const };
  return {
    name: table,
    rows: stats.rows,
    columns: names.map((name, i) => ({
      name,
      type: types.get(name)!,
      sqlType: sql.get(name)!,
      missing: stats.missing[i],
      distinct: stats.distinct[i],
    })),
    source,
  };
}

/** All user tables (internal `__` tables excluded), described. */
export async function listTables(conn: Connector): Promise<TableInfo[]> {
  const out: TableInfo[] = [];
  for (const name of await userTableNames(conn)) out.push(await describeTable(conn, name));
  return out;
}

/** The first `limit` rows as JSON-safe objects (BigInt -> number or string, DATE -> YYYY-MM-DD, TIMESTAMP -> ISO without Z). */
export async function previewRows(conn: Connector, table: string, limit: number): Promise<Record<string, JsonCell>[]> {
  await requireTable(conn, table);
  const n = Math.max(0, Math.floor(limit));
  return toJsonRows(await conn.query(`SELECT * FROM ${ident(table)} LIMIT ${n}`));
}

/**
 * Changes the measurement type of one column, converting again from the original text kept in
 * the raw table (so e.g. integer -> text -> integer is lossless). If some non-missing values do
 * not convert, throws a UserError naming the column, the count and an example, and changes nothing.
 */
export async function setColumnType(conn: Connector, table: string, column: string, type: MeasureType): Promise<ColumnInfo> {
  await requireTable(conn, table);
  if (!(type in TYPE_WORDS)) {
    throw new UserError('spec', 'bad_type', { en: `Unknown column type "${type}".`, zh: `未知的列类型"${type}"。` });
  }
  const sql = await sqlColumnTypes(conn, table);
  if (!sql.has(column)) {
    throw new UserError('data', 'no_such_column', {
      en: `Table "${table}" has no column "${column}".`,
      zh: `表"${table}"中没有列"${column}"。`,
    });
  }
  const raw = rawTableName(table);
  const rawCols = (await tableExists(conn, raw)) ? await sqlColumnTypes(conn, raw) : new Map<string, string>();
  let from: string;
  let newExpr: string;
  let textExpr: string;
  if (rawCols.has(column)) {
    const counts = (await conn.query(`SELECT (SELECT count(*) FROM ${ident(table)}) AS a, (SELECT count(*) FROM ${ident(raw)}) AS b`)).get(0)!.toJSON();
    if (Number(counts.a) !== Number(counts.b)) {
      throw new UserError('data', 'raw_mismatch', {
        en: `Table "${table}" no longer matches its imported data (rows were added or removed), so the type of "${column}" cannot be changed. Import the file again.`,
        zh: `表"${table}"已与导入时的数据不一致（行数有增减），无法更改"${column}"的类型。请重新导入文件。`,
      });
    }
    from = `${ident(table)} AS t POSITIONAL JOIN ${ident(raw)} AS r`;
    textExpr = `trim(r.${ident(column)})`;
    newExpr = castTextLenient(textExpr, type);
  } else {
    from = `${ident(table)} AS t`;
    textExpr = `trim(CAST(t.${ident(column)} AS VARCHAR))`;
    newExpr = castTextLenient(textExpr, type);
  }
  const check = (
    await conn.query(
      `SELECT count(*) AS bad, first(${textExpr}) AS example FROM ${from} WHERE ${textExpr} IS NOT NULL AND ${textExpr} <> '' AND (${newExpr}) IS NULL`,
    )
  ).get(0)!.toJSON() as { bad: number | bigint; example: string | null };
  const bad = Number(check.bad);
  if (bad > 0) {
    const w = TYPE_WORDS[type];
    throw new UserError('data', 'type_conversion', {
      en: `Column "${column}": ${bad} value${bad === 1 ? '' : 's'} cannot be read as ${w.en}, for example "${check.example}". The column was not changed.`,
      zh: `列"${column}"中有 ${bad} 个值无法识别为${w.zh}，例如"${check.example}"。该列未作更改。`,
    });
  }
  await conn.query(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT t.* REPLACE ((${newExpr}) AS ${ident(column)}) FROM ${from}`);
  const types = await readColumnTypes(conn, table);
  types.set(column, type);
  await writeColumnTypes(conn, table, [...types].map(([name, t]) => ({ name, type: t })));
  const stats = await columnStats(conn, table, [column]);
  const sqlAfter = await sqlColumnTypes(conn, table);
  return { name: column, type, sqlType: sqlAfter.get(column)!, missing: stats.missing[0], distinct: stats.distinct[0] };
}

/** Drops a table, its raw text copy and its metadata. */
export async function dropTable(conn: Connector, table: string): Promise<void> {
  await conn.query(`DROP TABLE IF EXISTS ${ident(table)}; DROP TABLE IF EXISTS ${ident(rawTableName(table))}`);
  await deleteMetadata(conn, table);
}

