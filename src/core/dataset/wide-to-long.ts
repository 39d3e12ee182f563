/**
 * Wide-to-long: turns chosen columns of a built dataset (e.g. glu_1, glu_2, glu_3 from a pivot)
 * into rows (patient_id, variable, occurrence, value), the shape repeated-measures methods and
 * plots want. Values are cast to one type: DOUBLE when every column is numeric, else text.
 */
import { ident, type Connector } from '../engine/connector';
import { UserError } from '../errors';
import { readColumnTypes, writeColumnTypes, writeSource } from '../data/metadata';

export interface WideToLongOptions {
  /** Columns kept on every row (default patient_id). */
  idColumns?: string[];
  /** Columns turned into rows. */
  columns: string[];
  /** Name of the new table. */
  out: string;
}

export async function wideToLong(conn: Connector, table: string, o: WideToLongOptions): Promise<{ table: string; rows: number }> {
  const types = await readColumnTypes(conn, table);
  const ids = o.idColumns ?? ['patient_id'];
  const missing = [...ids, ...o.columns].filter((c) => !types.has(c));
  if (missing.length || !o.columns.length) {
    throw new UserError('spec', 'bad_wide_to_long', {
      en: `Cannot reshape "${table}": ${missing.length ? `it has no column ${missing.map((m) => `"${m}"`).join(', ')}` : 'choose at least one column to turn into rows'}.`,
      zh: `无法转换"${table}"：${missing.length ? `缺少列 ${missing.map((m) => `"${m}"`).join('、')}` : '请至少选择一列转为行'}。`,
    });
  }
  if (!/^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(o.out)) {
    throw new UserError('spec', 'bad_table_name', { en: `The table name "${o.out}" must start with a letter and use only letters, digits and _.`, zh: `表名"${o.out}"须以字母开头，只含字母、数字和下划线。` });
  }
  const numeric = o.columns.every((c) => ['numeric', 'integer', 'boolean'].includes(types.get(c)!));
  const cast = numeric ? 'DOUBLE' : 'VARCHAR';
  const inner = `SELECT ${ids.map(ident).join(', ')}, ${o.columns.map((c) => `CAST(${ident(c)} AS ${cast}) AS ${ident(c)}`).join(', ')} FROM ${ident(table)}`;
  // The k of a pivot column "glu_k" becomes the occurrence; the rest of the name the variable.
  await conn.query(
    `CREATE OR REPLACE TABLE ${ident(o.out)} AS SELECT ${ids.map(ident).join(', ')},
       CASE WHEN regexp_matches(name, '_[0-9]+$') THEN regexp_replace(name, '_[0-9]+$', '') ELSE name END AS variable,
       TRY_CAST(regexp_extract(name, '_([0-9]+)$', 1) AS INTEGER) AS occurrence, value
     FROM (UNPIVOT (${inner}) ON ${o.columns.map(ident).join(', ')} INTO NAME name VALUE value)
     ORDER BY ${ids.map(ident).join(', ')}, variable, occurrence`,
  );
  await writeColumnTypes(conn, o.out, [
    ...ids.map((c) => ({ name: c, type: types.get(c)! })),
    { name: 'variable', type: 'categorical' as const },
    { name: 'occurrence', type: 'integer' as const },
    { name: 'value', type: numeric ? ('numeric' as const) : ('categorical' as const) },
  ]);
  await writeSource(conn, o.out, { file: o.out.replace(/^ds_/, ''), format: 'dataset' });
  const n = (await conn.query(`SELECT count(*)::INTEGER AS n FROM ${ident(o.out)}`)).get(0)!.toJSON().n as number;
  return { table: o.out, rows: n };
}
