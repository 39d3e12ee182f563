// Exports read back: CSV by DuckDB's CSV reader, xlsx by exceljs, Parquet by hyparquet, and the
// R script run by R (when R is installed) on the exported CSV. Privacy options checked on the bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { toJsonRows } from '$core/engine/rows';
import { exportTable, frequenciesCsv, type ExportTable } from '$core/export';
import { frequencyTables, isDirectIdentifier, patientShift } from '$core/export/privacy';
import { csvField } from '$core/export/csv';

const table: ExportTable = {
  name: 'demo_ds',
  columns: [
    { name: 'patient_id', type: 'integer', label: { en: 'Patient ID', zh: '患者编号' }, definition: { en: 'id', zh: '编号' }, identifier: true },
    { name: 'index_date', type: 'date', label: { en: 'Index date', zh: '索引日期' }, definition: { en: 'day 0', zh: '第 0 天' } },
    { name: 'exit_date', type: 'date', label: { en: 'End of follow-up', zh: '随访结束' }, definition: { en: 'exit', zh: '结束' } },
    { name: 'ldl', type: 'numeric', label: { en: 'LDL-C', zh: '低密度脂蛋白' }, unit: 'mmol/L', definition: { en: 'last value', zh: '最后一次值' } },
    { name: 'n_visits', type: 'integer', label: { en: 'Visits', zh: '就诊次数' }, definition: { en: 'count', zh: '次数' } },
    { name: 'diabetes', type: 'boolean', label: { en: 'Diabetes', zh: '糖尿病' }, definition: { en: 'ever', zh: '是否' } },
    { name: 'city', type: 'categorical', label: { en: 'City', zh: '城市' }, definition: { en: 'city', zh: '城市' }, levels: ['北京', 'Shanghai', 'Guangzhou'] },
    { name: 'note', type: 'text', label: { en: 'Note', zh: '备注' }, definition: { en: 'free text', zh: '自由文本' } },
    { name: 'patient_name', type: 'text', label: { en: 'Name', zh: '姓名' }, definition: { en: 'name', zh: '姓名' } },
  ],
  rows: [
    { patient_id: 1, index_date: '2021-02-15', exit_date: '2022-04-15', ldl: 3.25, n_visits: 2, diabetes: true, city: '北京', note: 'said "no", then yes', patient_name: '张三' },
    { patient_id: 2, index_date: '2020-01-01', exit_date: '2020-12-31', ldl: null, n_visits: 0, diabetes: false, city: 'Shanghai', note: 'line1\nline2', patient_name: 'Li, Si' },
    { patient_id: 3, index_date: '2019-07-04', exit_date: '2019-07-04', ldl: 2.5, n_visits: 1, diabetes: null, city: null, note: null, patient_name: null },
    ...Array.from({ length: 20 }, (_, i) => ({ patient_id: 10 + i, index_date: '2022-03-01', exit_date: '2023-03-01', ldl: 2 + i / 10, n_visits: i, diabetes: i % 2 === 0, city: 'Shanghai', note: '', patient_name: `P${i}` })),
  ],
};

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
});
afterAll(async () => conn.close());

describe('CSV', () => {
  it('has a BOM, RFC 4180 quoting and reads back identically (Chinese, quotes, commas, newlines)', async () => {
    const f = await exportTable(table, 'csv');
    expect([...f.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvField('said "no"')).toBe('"said ""no"""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(true)).toBe('TRUE');
    await conn.registerFile('t.csv', f.bytes);
    const back = toJsonRows(await conn.query(`SELECT * FROM read_csv('t.csv', header = true, all_varchar = true)`));
    expect(back.length).toBe(table.rows.length);
    expect(back[0]).toMatchObject({ patient_id: '1', index_date: '2021-02-15', ldl: '3.25', diabetes: 'TRUE', city: '北京', note: 'said "no", then yes', patient_name: '张三' });
    expect(back[1]).toMatchObject({ ldl: null, note: 'line1\nline2', patient_name: 'Li, Si' });
  });
});

describe('Excel', () => {
  it('has a typed data sheet, a codebook sheet with labels in both languages, and suppressed frequencies', async () => {
    const f = await exportTable(table, 'xlsx', { suppressBelow: 5 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['data', 'codebook', 'frequencies']);
    const data = wb.getWorksheet('data')!;
    expect(data.getRow(1).values).toEqual([undefined, ...table.columns.map((c) => c.name)]);
    expect(data.getCell('B2').value).toEqual(new Date(Date.UTC(2021, 1, 15)));
    expect(data.getCell('D2').value).toBe(3.25);
    expect(data.getCell('F2').value).toBe(true);
    expect(data.getCell('G2').value).toBe('北京');
    expect(data.getCell('D3').value).toBeNull();
    const cb = wb.getWorksheet('codebook')!;
    expect(cb.getRow(5).values).toEqual([undefined, 'ldl', 'LDL-C', '低密度脂蛋白', 'numeric', 'mmol/L', 'last value', '最后一次值', '']);
    expect(cb.getCell('H8').value).toBe('北京 | Shanghai | Guangzhou');
    const fq = wb.getWorksheet('frequencies')!;
    const rows = fq.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    // city: 北京 1 (<5), Shanghai 21, Guangzhou 0, missing 1 (<5): two cells hidden already.
    expect(rows.filter((r) => r[0] === 'city')).toEqual([
      ['city', '北京', '<5', ''],
      ['city', 'Shanghai', 21, 95.5],
      ['city', 'Guangzhou', 0, 0],
      ['city', '(missing)', '<5', ''],
    ]);
  });
});

describe('Parquet', () => {
  it('reads back with hyparquet with types (dates, booleans, integers, doubles, text)', async () => {
    const f = await exportTable(table, 'parquet');
    const buf = f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer;
    const back = await parquetReadObjects({ file: buf });
    expect(back.length).toBe(table.rows.length);
    expect(back[0].patient_id).toBe(1);
    expect(back[0].index_date).toEqual(new Date(Date.UTC(2021, 1, 15)));
    expect(back[0].ldl).toBe(3.25);
    expect(back[0].diabetes).toBe(true);
    expect(back[0].city).toBe('北京');
    expect(back[1].ldl).toBeNull();
    expect(back[2].diabetes).toBeNull();
    // The file declares the types (what R's arrow and pandas read).
    const schema = Object.fromEntries(parquetMetadata(buf).schema.slice(1).map((e) => [e.name, `${e.type}${e.converted_type ? `/${e.converted_type}` : ''}`]));
    expect(schema).toMatchObject({ patient_id: 'INT32', index_date: 'INT32/DATE', ldl: 'DOUBLE', diabetes: 'BOOLEAN', city: 'BYTE_ARRAY/UTF8', n_visits: 'INT32' });
  });
});

describe('privacy', () => {
  it('drops direct identifiers (flagged or named like one) and adds a pseudonym', async () => {
    expect(table.columns.filter(isDirectIdentifier).map((c) => c.name)).toEqual(['patient_id', 'patient_name']);
    const f = await exportTable(table, 'csv', { dropIdentifiers: true });
    const text = new TextDecoder().decode(f.bytes.slice(3));
    const header = text.split('\r\n')[0].split(',');
    expect(header).toEqual(['pseudo_id', 'index_date', 'exit_date', 'ldl', 'n_visits', 'diabetes', 'city', 'note']);
    expect(text).not.toContain('张三');
    const ids = text.trim().split('\r\n').slice(1).map((l) => Number(l.split(',')[0]));
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: table.rows.length }, (_, i) => i + 1));
  });

  it('shifts all dates of a patient by the same seeded offset: intervals kept, dates changed', async () => {
    const o = { seed: 42, maxDays: 180, idColumn: 'patient_id' };
    const f = await exportTable(table, 'parquet', { dateShift: o });
    const back = await parquetReadObjects({ file: f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer });
    const shifts = new Set<number>();
    back.forEach((r, i) => {
      const orig = table.rows[i];
      const s = patientShift(42, orig.patient_id, 180);
      expect(s).not.toBe(0);
      expect(Math.abs(s)).toBeLessThanOrEqual(180);
      shifts.add(s);
      const d = (x: Date) => x.getTime() / 86_400_000;
      expect(d(r.index_date as Date) - Date.parse(`${orig.index_date}T00:00:00Z`) / 86_400_000).toBe(s);
      expect(d(r.exit_date as Date) - d(r.index_date as Date)).toBe((Date.parse(`${orig.exit_date}`) - Date.parse(`${orig.index_date}`)) / 86_400_000);
    });
    expect(shifts.size).toBeGreaterThan(10);
    // Same seed, same shifts; another seed, other shifts.
    expect(patientShift(42, 1, 180)).toBe(patientShift(42, 1, 180));
    expect([1, 2, 3, 4, 5].map((i) => patientShift(7, i, 180))).not.toEqual([1, 2, 3, 4, 5].map((i) => patientShift(42, i, 180)));
  });

  it('suppresses small counts and one more cell when a single cell would be recoverable', () => {
    const f = frequencyTables(table, 5).filter((r) => r.variable === 'diabetes');
    // diabetes: true 11, false 11, missing 1 -> the single small cell is hidden and the next smallest (first of a tie) too.
    expect(f).toEqual([
      { variable: 'diabetes', level: 'true', count: '<5', percent: '' },
      { variable: 'diabetes', level: 'false', count: 11, percent: 50 },
      { variable: 'diabetes', level: '(missing)', count: '<5', percent: '' },
    ]);
    const csv = new TextDecoder().decode(frequenciesCsv(table, { suppressBelow: 5 }).bytes.slice(3));
    expect(csv).toContain('city,北京,<5,');
    expect(frequencyTables(table).find((r) => r.variable === 'city' && r.level === '北京')!.count).toBe(1);
  });
});

describe('R script and codebook', () => {
  it('codebook CSV lists every column with labels, type, unit and levels', async () => {
    const text = new TextDecoder().decode((await exportTable(table, 'codebook')).bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('name,label_en,label_zh,type,unit,definition_en,definition_zh,levels');
    expect(lines).toContain('ldl,LDL-C,低密度脂蛋白,numeric,mmol/L,last value,最后一次值,');
    expect(lines.length).toBe(table.columns.length + 1);
  });

  it.skipIf(!hasR())('R reads the CSV back with the declared types, levels and dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinstat-r-'));
    const csv = await exportTable(table, 'csv');
    const r = await exportTable(table, 'r');
    writeFileSync(join(dir, csv.filename), csv.bytes);
    writeFileSync(join(dir, r.filename), r.bytes);
    const out = execFileSync('Rscript', ['-e', `setwd(${JSON.stringify(dir)}); source(${JSON.stringify(r.filename)}); x <- demo_ds; cat(class(x$index_date), class(x$ldl), class(x$n_visits), class(x$diabetes), class(x$city), paste(levels(x$city), collapse="|"), as.character(x$index_date[1]), x$ldl[1], sum(is.na(x$ldl)), x$note[2] == "line1\\nline2", attr(x$ldl, "label"), sep=";")`], { encoding: 'utf8' });
    expect(out.trim().split('\n').at(-1)).toBe('Date;numeric;integer;logical;factor;北京|Shanghai|Guangzhou;2021-02-15;3.25;1;TRUE;LDL-C (mmol/L)');
  });
});

function hasR(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
