import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { imp, newConn, tableNames, userError } from './helpers';

let conn: Connector;
beforeAll(async () => {
  conn = await newConn();
  await imp(conn, 'keep.csv', 'a,seen\n1,2023-01-05\n');
});
afterAll(async () => {
  await conn.close();
});

/** Only the table loaded in beforeAll (plus metadata) exists: a failed import left nothing behind. */
async function expectNothingLeft(): Promise<void> {
  const names = (await tableNames(conn)).filter((n) => !n.startsWith('__clinstat_'));
  expect(names.sort()).toEqual(['__raw_keep', 'keep']);
}

describe('bad input gives a UserError and loses nothing', () => {
  it('empty file', async () => {
    for (const name of ['empty.csv', 'empty.json', 'empty.dat', 'blank.csv']) {
      const e = await userError(imp(conn, name, name === 'blank.csv' ? '  \n\n' : ''));
      expect(e.kind).toBe('data');
      expect(e.code).toBe('empty_file');
      expect(e.message).toContain('is empty');
      expect(e.i18n.zh).toContain('空');
    }
    await expectNothingLeft();
  });

  it('header-only file', async () => {
    const e = await userError(imp(conn, 'hdr.csv', 'a,b,c\n'));
    expect(e.code).toBe('no_rows');
    expect(e.message).toContain('has a header but no data rows');
    const e2 = await userError(imp(conn, 'hdr2.csv', 'a,b,c'));
    expect(e2.code).toBe('no_rows');
    await expectNothingLeft();
  });

  it('ragged rows name the line and the counts', async () => {
    const e = await userError(imp(conn, 'ragged.csv', 'a,b\n1,2\n3,4,5\n6,7\n'));
    expect(e.code).toBe('csv_ragged');
    expect(e.message).toContain('Line 3 has 3 fields; the header has 2.');
    expect(e.i18n.zh).toContain('第 3 行有 3 个字段，而表头有 2 个');
    const few = await userError(imp(conn, 'few.csv', 'a,b,c\n1,2,3\n4,5\n'));
    expect(few.message).toContain('Line 3 has 2 fields; the header has 3.');
    const many = await userError(imp(conn, 'many.csv', 'a,b\n1,2\n3,4,5,6,7\n'));
    expect(many.message).toContain('Line 3 has 5 fields; the header has 2.');
    // Physical line numbers count newlines inside quotes and blank lines.
    const q = await userError(imp(conn, 'q.csv', 'a,b\n1,"x\ny"\n\n3,4\n5\n'));
    expect(q.message).toContain('Line 6 has 1 field; the header has 2.');
    await expectNothingLeft();
  });

  it('an unclosed quote', async () => {
    const e = await userError(imp(conn, 'quote.csv', 'a,b\n1,2\n3,"4\n5,6\n'));
    expect(e.code).toBe('csv_quote');
    expect(e.message).toContain('Line 3');
    await expectNothingLeft();
  });

  it('a binary file renamed .csv', async () => {
    const bin = new Uint8Array(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) % 256;
    const e = await userError(imp(conn, 'image.csv', bin));
    expect(e.code).toBe('not_text');
    expect(e.message).toContain('does not look like a text file');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect((await userError(imp(conn, 'x.csv', png))).code).toBe('not_text');
    await expectNothingLeft();
  });

  it('0-byte and corrupt .xlsx', async () => {
    const zero = await userError(imp(conn, 'book.xlsx', new Uint8Array(0)));
    expect(zero.code).toBe('empty_file');
    const junk = await userError(imp(conn, 'book.xlsx', 'this is not a workbook'));
    expect(junk.code).toBe('bad_xlsx');
    expect(junk.message).toContain('not a valid Excel workbook');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await userError(imp(conn, 'truncated.xlsx', zip))).code).toBe('bad_xlsx');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await userError(imp(conn, 'old.xls', xls))).code).toBe('xls_unsupported');
    await expectNothingLeft();
  });

  it('corrupt parquet and JSON that is not a table', async () => {
    expect((await userError(imp(conn, 'x.parquet', 'PAR1garbagePAR1'))).code).toBe('bad_parquet');
    expect((await userError(imp(conn, 'x.json', '{"a": 1'))).code).toBe('bad_json');
    expect((await userError(imp(conn, 'x.json', '[1, 2, 3]'))).code).toBe('bad_json');
    expect((await userError(imp(conn, 'x.json', '[]'))).code).toBe('no_rows');
    await expectNothingLeft();
  });

  it('an explicit table name that already exists is refused, not replaced', async () => {
    const e = await userError(imp(conn, 'other.csv', 'z\n9\n', { tableName: 'keep' }));
    expect(e.code).toBe('table_exists');
    await expectNothingLeft();
  });
});
