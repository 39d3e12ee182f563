import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { describeTable, dropTable, listTables, previewRows, readColumnTypes, setColumnType } from '$core/data';
import { imp, newConn, rows, tableNames, userError } from './helpers';

let conn: Connector;
beforeAll(async () => {
  conn = await newConn();
  await imp(conn, 'trial.csv', 'id,code,dose,visit,big\n1,007,1.5,2023-01-05 08:30,9007199254740993\n2,012,x,2023-01-06 09:00,5\n3,NA,2,,6\n');
});
afterAll(async () => {
  await conn.close();
});

describe('table management', () => {
  it('describes and lists tables, hiding internal ones', async () => {
    const info = await describeTable(conn, 'trial');
    expect(info.rows).toBe(3);
    expect(info.columns.map((c) => [c.name, c.type, c.sqlType, c.missing, c.distinct])).toEqual([
      ['id', 'integer', 'BIGINT', 0, 3],
      ['code', 'integer', 'BIGINT', 1, 2],
      ['dose', 'categorical', 'VARCHAR', 0, 3],
      ['visit', 'datetime', 'TIMESTAMP', 1, 2],
      ['big', 'integer', 'BIGINT', 0, 3],
    ]);
    expect(info.source).toMatchObject({ file: 'trial.csv', format: 'csv' });
    const all = await listTables(conn);
    expect(all.map((t) => t.name)).toEqual(['trial']);
    const types = await readColumnTypes(conn, 'trial');
    expect([...types]).toEqual([
      ['id', 'integer'],
      ['code', 'integer'],
      ['dose', 'categorical'],
      ['visit', 'datetime'],
      ['big', 'integer'],
    ]);
  });

  it('previews JSON-safe rows', async () => {
    const p = await previewRows(conn, 'trial', 2);
    expect(p).toEqual([
      { id: 1, code: 7, dose: '1.5', visit: '2023-01-05T08:30:00', big: '9007199254740993' },
      { id: 2, code: 12, dose: 'x', visit: '2023-01-06T09:00:00', big: 5 },
    ]);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('changes a type from the original text (integer -> text keeps leading zeros)', async () => {
    const col = await setColumnType(conn, 'trial', 'code', 'text');
    expect(col).toEqual({ name: 'code', type: 'text', sqlType: 'VARCHAR', missing: 1, distinct: 2 });
    expect((await rows(conn, 'SELECT code FROM trial ORDER BY id')).map((r) => r.code)).toEqual(['007', '012', null]);
    const back = await setColumnType(conn, 'trial', 'code', 'integer');
    expect(back.sqlType).toBe('BIGINT');
    const d = await setColumnType(conn, 'trial', 'visit', 'date');
    expect(d.sqlType).toBe('DATE');
    expect((await previewRows(conn, 'trial', 1))[0].visit).toBe('2023-01-05');
    expect((await readColumnTypes(conn, 'trial')).get('visit')).toBe('date');
    // Column order and other columns are unchanged.
    expect((await describeTable(conn, 'trial')).columns.map((c) => c.name)).toEqual(['id', 'code', 'dose', 'visit', 'big']);
  });

  it('refuses a type the values do not fit and leaves the table unchanged', async () => {
    const before = await rows(conn, 'SELECT * FROM trial ORDER BY id');
    const e = await userError(setColumnType(conn, 'trial', 'dose', 'numeric'));
    expect(e.code).toBe('type_conversion');
    expect(e.message).toContain('Column "dose": 1 value cannot be read as a number, for example "x"');
    expect(e.i18n.zh).toContain('dose');
    expect(await rows(conn, 'SELECT * FROM trial ORDER BY id')).toEqual(before);
    expect((await readColumnTypes(conn, 'trial')).get('dose')).toBe('categorical');
    const b = await userError(setColumnType(conn, 'trial', 'id', 'boolean'));
    expect(b.message).toContain('3 values');
    expect((await userError(setColumnType(conn, 'trial', 'nope', 'text'))).code).toBe('no_such_column');
    expect((await userError(describeTable(conn, 'nope'))).code).toBe('no_such_table');
  });

  it('works on tables made with SQL (no raw copy)', async () => {
    await conn.query(`CREATE TABLE made AS SELECT * FROM (VALUES (1, '2023-01-05'), (2, '2023-01-06')) v(k, d)`);
    expect([...(await readColumnTypes(conn, 'made'))]).toEqual([
      ['k', 'integer'],
      ['d', 'categorical'],
    ]);
    const c = await setColumnType(conn, 'made', 'd', 'date');
    expect(c.sqlType).toBe('DATE');
    expect((await readColumnTypes(conn, 'made')).get('d')).toBe('date');
    await dropTable(conn, 'made');
  });

  it('drops a table with its raw copy and metadata', async () => {
    await dropTable(conn, 'trial');
    const names = await tableNames(conn);
    expect(names).not.toContain('trial');
    expect(names).not.toContain('__raw_trial');
    expect(await rows(conn, `SELECT * FROM __clinstat_columns WHERE table_name = 'trial'`)).toEqual([]);
    expect(await listTables(conn)).toEqual([]);
  });
});

describe('Excel serial numbers', () => {
  it('become dates when the user changes the column type to date', async () => {
    const c = await newConn();
    // 44931 = 2023-01-05 and 45000 = 2023-03-15 in Excel's 1900 date system.
    await imp(c, 'serials.csv', 'id,admitted\n1,44931\n2,45000\n3,\n');
    const col = await setColumnType(c, 'serials', 'admitted', 'date');
    expect(col).toMatchObject({ type: 'date', sqlType: 'DATE', missing: 1 });
    expect(await rows(c, 'SELECT strftime(admitted, \'%Y-%m-%d\') AS d FROM serials ORDER BY id')).toEqual([
      { d: '2023-01-05' }, { d: '2023-03-15' }, { d: null },
    ]);
    await c.close();
  });
});
