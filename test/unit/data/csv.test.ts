import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { Connector } from '$core/engine/connector';
import { imp, newConn, rows, tableNames, typesOf } from './helpers';

let conn: Connector;
beforeAll(async () => {
  conn = await newConn();
});
afterAll(async () => {
  await conn.close();
});

describe('CSV import', () => {
  it('infers integer, numeric, boolean, categorical, text and keeps 0/1 as integer', async () => {
    const lines = ['id,age,bmi,smoker,flag,arm,note'];
    for (let i = 1; i <= 30; i++) {
      lines.push(`${i},${30 + i},${(20 + i / 10).toFixed(1)},${i % 2 ? 'yes' : 'no'},${i % 2},${['A', 'B', 'C'][i % 3]},note number ${i}`);
    }
    const info = await imp(conn, 'basic.csv', lines.join('\n') + '\n');
    expect(info.name).toBe('basic');
    expect(info.rows).toBe(30);
    expect(typesOf(info)).toEqual({
      id: 'integer',
      age: 'integer',
      bmi: 'numeric',
      smoker: 'boolean',
      flag: 'integer',
      arm: 'categorical',
      note: 'text',
    });
    const sql = Object.fromEntries(info.columns.map((c) => [c.name, c.sqlType]));
    expect(sql).toMatchObject({ id: 'BIGINT', bmi: 'DOUBLE', smoker: 'BOOLEAN', arm: 'VARCHAR' });
    expect(info.source).toMatchObject({ file: 'basic.csv', format: 'csv', encoding: 'utf-8', delimiter: ',' });
    const r = await rows(conn, 'SELECT sum(flag)::INTEGER AS s, count(*) FILTER (WHERE smoker) AS y FROM basic');
    expect(r[0]).toEqual({ s: 15, y: 15 });
  });

  it('treats missing tokens as NULL (trimmed)', async () => {
    const info = await imp(conn, 'miss.csv', 'x,y\n1,a\nNA,b\n N/A ,NULL\n.,-\nnull,NaN\n,c\n7,\n');
    expect(typesOf(info)).toEqual({ x: 'integer', y: 'categorical' });
    const x = info.columns.find((c) => c.name === 'x')!;
    expect(x.missing).toBe(5);
    expect(x.distinct).toBe(2);
    expect(info.columns[1].missing).toBe(4);
  });

  it('recognises boolean tokens including 是/否 and t/f', async () => {
    const info = await imp(conn, 'bools.csv', 'a,b,c\n是,t,Y\n否,f,n\n是,T,y\n');
    expect(typesOf(info)).toEqual({ a: 'boolean', b: 'boolean', c: 'boolean' });
    const r = await rows(conn, 'SELECT a, b, c FROM bools');
    expect(r).toEqual([
      { a: true, b: true, c: true },
      { a: false, b: false, c: false },
      { a: true, b: true, c: true },
    ]);
  });

  it('reads the common clinical date and datetime formats', async () => {
    const csv = [
      'iso,slash,slash0,dmy,cn,dt,dts,dtsec',
      '2023-01-05,2023/1/5,2023/01/05,05.01.2023,2023年1月5日,2023-01-05 08:30,2023/01/05 08:30:15,2023-01-05T08:30:00',
      '2024-12-31,2024/12/31,2024/12/31,31.12.2024,2024年12月31日,2024-12-31 23:59:59,2024/12/31 00:00,2024-12-31',
    ].join('\n');
    const info = await imp(conn, 'dates.csv', csv);
    expect(typesOf(info)).toEqual({
      iso: 'date',
      slash: 'date',
      slash0: 'date',
      dmy: 'date',
      cn: 'date',
      dt: 'datetime',
      dts: 'datetime',
      dtsec: 'datetime',
    });
    const r = await rows(conn, `SELECT strftime(iso, '%Y-%m-%d') a, strftime(slash, '%Y-%m-%d') b, strftime(dmy, '%Y-%m-%d') c, strftime(cn, '%Y-%m-%d') d, strftime(dt, '%Y-%m-%d %H:%M:%S') e FROM dates`);
    expect(r[0]).toEqual({ a: '2023-01-05', b: '2023-01-05', c: '2023-01-05', d: '2023-01-05', e: '2023-01-05 08:30:00' });
    expect(r[1]).toEqual({ a: '2024-12-31', b: '2024-12-31', c: '2024-12-31', d: '2024-12-31', e: '2024-12-31 23:59:59' });
  });

  it('does not take impossible dates or US m/d/Y as dates', async () => {
    const info = await imp(conn, 'baddates.csv', 'a,b\n2023-02-30,01/05/2023\n2023-01-01,01/06/2023\n');
    expect(typesOf(info)).toEqual({ a: 'categorical', b: 'categorical' });
  });

  it('detects tab, semicolon and pipe delimiters', async () => {
    for (const [d, name] of [
      ['\t', 'tabbed.tsv'],
      [';', 'semi.csv'],
      ['|', 'pipe.txt'],
    ] as const) {
      const info = await imp(conn, name, `a${d}b${d}c\n1${d}2,5${d}x\n3${d}4,5${d}y\n`);
      expect(info.source.delimiter).toBe(d);
      expect(info.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
      expect(info.rows).toBe(2);
    }
  });

  it('handles quotes, embedded delimiters, newlines inside quotes and CRLF', async () => {
    const info = await imp(conn, 'quoted.csv', 'id,comment\r\n1,"hello, world"\r\n2,"line one\r\nline two"\r\n3,"say ""hi"""\r\n');
    expect(info.rows).toBe(3);
    const r = await rows(conn, 'SELECT comment FROM quoted ORDER BY id');
    expect(r.map((x) => x.comment)).toEqual(['hello, world', 'line one\r\nline two', 'say "hi"']);
  });

  it('reads GB18030 (GBK) text and records the encoding', async () => {
    const text = '编号,性别,诊断\n1,男,高血压\n2,女,糖尿病\n3,男,高血压\n';
    const bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
    const info = await imp(conn, '患者.csv', bytes);
    expect(info.source.encoding).toBe('gb18030');
    expect(info.columns.map((c) => c.name)).toEqual(['编号', '性别', '诊断']);
    const r = await rows(conn, `SELECT "性别" AS s, "诊断" AS d FROM ${info.name} ORDER BY "编号"`);
    expect(r[1]).toEqual({ s: '女', d: '糖尿病' });
  });

  it('strips a UTF-8 BOM', async () => {
    const info = await imp(conn, 'bom.csv', '\uFEFFa,b\n1,2\n');
    expect(info.source.encoding).toBe('utf-8');
    expect(info.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('gives Chinese file names a valid unique table name', async () => {
    const a = await imp(conn, '血压数据.csv', 'x\n1\n');
    const b = await imp(conn, '血压数据.csv', 'x\n1\n');
    expect(a.name).toMatch(/^table_\d+$/);
    expect(b.name).toMatch(/^table_\d+$/);
    expect(a.name).not.toBe(b.name);
    const c = await imp(conn, 'Visit Data (2023).csv', 'x\n1\n');
    const d = await imp(conn, 'visit data 2023.csv', 'x\n1\n');
    expect(c.name).toBe('visit_data_2023');
    expect(d.name).toBe('visit_data_2023_2');
    const e = await imp(conn, 'x.csv', 'x\n1\n', { tableName: 'my_table' });
    expect(e.name).toBe('my_table');
  });

  it('renames blank and duplicate headers and keeps odd names verbatim', async () => {
    const info = await imp(conn, 'hdr.csv', 'a,,a,A,<script>alert(1)</script>, \n1,2,3,4,5,6\n');
    expect(info.columns.map((c) => c.name)).toEqual(['a', 'column_2', 'a_2', 'A_3', '<script>alert(1)</script>', 'column_6']);
    const r = await rows(conn, `SELECT "<script>alert(1)</script>" AS s FROM hdr`);
    expect(r[0].s).toBe(5);
  });

  it('keeps metadata (and original text only for converted text columns), hidden from users', async () => {
    const names = await tableNames(conn);
    // Every column of basic.csv was parsed natively or stays text: no raw copy is needed.
    expect(names).not.toContain('__raw_basic');
    expect(names).toContain('__clinstat_columns');
    const meta = await rows(conn, `SELECT column_name, mtype, position FROM __clinstat_columns WHERE table_name = 'basic' ORDER BY position`);
    expect(meta[0]).toEqual({ column_name: 'id', mtype: 'integer', position: 0 });
    expect(meta.length).toBe(7);
  });
});
