import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Table, tableToIPC, vectorFromArray, Float64, Int32, Utf8, Bool, DateDay } from 'apache-arrow';
import type { Connector } from '$core/engine/connector';
import { previewRows } from '$core/data';
import { imp, newConn, rows, typesOf } from './helpers';

let conn: Connector;
beforeAll(async () => {
  conn = await newConn();
});
afterAll(async () => {
  await conn.close();
});

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/data/${name}`, import.meta.url)));

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Patients');
  ws.addRow(['id', 'visit', 'serial', 'name', 'link', 'bmi', 'calc', 'seen', 'when']);
  const d = (s: string) => new Date(s + 'Z');
  ws.addRow([1, d('2023-01-05T00:00:00'), 44931, { richText: [{ text: 'Wang ' }, { text: 'Li' }] }, { text: 'site A', hyperlink: 'http://a' }, 22.5, { formula: 'A2*2', result: 2 }, true, d('2023-01-05T08:30:00')]);
  ws.addRow([2, d('2023-02-10T00:00:00'), 44967, 'Zhang', { text: 'site B', hyperlink: 'http://b' }, 'NA', { formula: 'A3*2', result: 4 }, false, d('2023-02-10T14:00:00')]);
  ws.addRow([3, null, 44968, 'Chen', 'site A', 24, { formula: 'A4*2', result: 6 }, true, d('2023-02-11T00:00:00')]);
  const ws2 = wb.addWorksheet('Labs');
  ws2.addRow(['code', 'value']);
  ws2.addRow(['HB', 130]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('Excel', () => {
  it('reads the first sheet with dates, serial numbers, rich text, hyperlinks and formulas', async () => {
    const info = await imp(conn, 'visits.xlsx', await workbook());
    expect(info.source).toMatchObject({ format: 'xlsx', sheet: 'Patients', sheets: ['Patients', 'Labs'] });
    expect(info.rows).toBe(3);
    expect(typesOf(info)).toEqual({
      id: 'integer',
      visit: 'date',
      serial: 'integer',
      name: 'categorical',
      link: 'categorical',
      bmi: 'numeric',
      calc: 'integer',
      seen: 'boolean',
      when: 'datetime',
    });
    const p = await previewRows(conn, info.name, 10);
    expect(p[0]).toEqual({ id: 1, visit: '2023-01-05', serial: 44931, name: 'Wang Li', link: 'site A', bmi: 22.5, calc: 2, seen: true, when: '2023-01-05T08:30:00' });
    expect(p[1].bmi).toBeNull();
    expect(p[2].visit).toBeNull();
  });

  it('reads another sheet when asked', async () => {
    const info = await imp(conn, 'visits.xlsx', await workbook(), { sheet: 'Labs' });
    expect(info.source.sheet).toBe('Labs');
    expect(info.columns.map((c) => c.name)).toEqual(['code', 'value']);
    const e = await imp(conn, 'visits.xlsx', await workbook(), { sheet: 'Nope' }).catch((x) => x);
    expect(e.code).toBe('no_such_sheet');
    expect(e.message).toContain('Patients, Labs');
  });
});

describe('Parquet (hyparquet test files, MIT)', () => {
  it('reads strings, ints, doubles, booleans and turns lists into text', async () => {
    const info = await imp(conn, 'datapage_v2.snappy.parquet', fixture('datapage_v2.snappy.parquet'));
    expect(info.source.format).toBe('parquet');
    expect(info.rows).toBe(5);
    expect(typesOf(info)).toEqual({ a: 'categorical', b: 'integer', c: 'numeric', d: 'boolean', e: 'categorical' });
    const r = await rows(conn, `SELECT a, b, c, d, e FROM ${info.name}`);
    expect(r[0]).toEqual({ a: 'abc', b: 1, c: 2, d: true, e: '[1,2,3]' });
    expect(r[3].a).toBeNull();
  });

  it('reads timestamps and unsigned ints', async () => {
    const info = await imp(conn, 'duckdb5533.parquet', fixture('duckdb5533.parquet'));
    expect(typesOf(info)).toMatchObject({ timestamp: 'datetime', item_id: 'integer', count: 'integer' });
    const p = await previewRows(conn, info.name, 1);
    expect(p[0]).toMatchObject({ timestamp: '2022-11-27T17:42:43.514', item_id: 2448, count: 1, currency_id: null });
  });
});

describe('Arrow IPC', () => {
  const table = () =>
    new Table({
      id: vectorFromArray([1, 2, 3], new Int32()),
      score: vectorFromArray([1.5, null, 3.25], new Float64()),
      group: vectorFromArray(['a', 'b', 'a'], new Utf8()),
      ok: vectorFromArray([true, false, null], new Bool()),
      day: vectorFromArray([new Date('2023-01-05Z'), new Date('2023-01-06Z'), null], new DateDay()),
      when: vectorFromArray(['2023-01-05 08:30', '2023-01-06 09:00', null], new Utf8()),
    });
  for (const fmt of ['file', 'stream'] as const) {
    it(`reads the ${fmt} format`, async () => {
      const info = await imp(conn, `t.arrow`, tableToIPC(table(), fmt));
      expect(info.source.format).toBe('arrow');
      expect(typesOf(info)).toEqual({ id: 'integer', score: 'numeric', group: 'categorical', ok: 'boolean', day: 'date', when: 'datetime' });
      const p = await previewRows(conn, info.name, 5);
      expect(p[0]).toEqual({ id: 1, score: 1.5, group: 'a', ok: true, day: '2023-01-05', when: '2023-01-05T08:30:00' });
      expect(p[2]).toEqual({ id: 3, score: 3.25, group: 'a', ok: null, day: null, when: null });
    });
  }
});

describe('JSON', () => {
  it('reads an array of flat objects', async () => {
    const info = await imp(conn, 'p.json', JSON.stringify([
      { id: 1, age: 34.5, sex: 'F', visit: '2023-01-05', ok: true, extra: { a: 1 } },
      { id: 2, age: 40, sex: 'M', visit: '2023-01-06', ok: false },
      { id: 3, age: null, sex: 'NA', visit: null, ok: true, late: 'x' },
    ]));
    expect(info.source).toMatchObject({ format: 'json', encoding: 'utf-8' });
    expect(info.columns.map((c) => c.name)).toEqual(['id', 'age', 'sex', 'visit', 'ok', 'extra', 'late']);
    expect(typesOf(info)).toEqual({ id: 'integer', age: 'numeric', sex: 'categorical', visit: 'date', ok: 'boolean', extra: 'categorical', late: 'categorical' });
    const r = await rows(conn, `SELECT count(sex) n, max(extra) e FROM ${info.name}`);
    expect(r[0]).toEqual({ n: 2, e: '{"a":1}' });
  });

  it('reads {"data": [...]} and sniffs JSON without an extension', async () => {
    const info = await imp(conn, 'download', '  {"data": [{"x": 1}, {"x": 2}]}');
    expect(info.source.format).toBe('json');
    expect(info.rows).toBe(2);
  });
});
