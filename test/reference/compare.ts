/**
 * Helpers for comparing plugin output with R fixtures (test/reference/fixtures/*.json).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CategoricalColumn, ColumnData, MeasureType, NumericColumn } from '../../src/core/plugin/types';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Reads test/reference/fixtures/<name>.json. */
export function loadFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(`${here}fixtures/${name}.json`, 'utf8')) as T;
}

/**
 * Deep comparison with a relative tolerance for numbers: |a - e| <= rel * max(|e|, tiny).
 * null/undefined/NaN in the fixture (R's NA) must match null/undefined in the actual value.
 * Strings, booleans compare exactly. Objects compare on the expected object's keys.
 * Failures report the path, e.g. `tidy[0].p_value`.
 */
export function expectClose(actual: unknown, expected: unknown, rel = 1e-6, path = '$', abs = 1e-300): void {
  const fail = (msg: string) => {
    throw new Error(`${path}: ${msg} (actual ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)})`);
  };
  const isNull = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
  if (isNull(expected)) {
    if (!isNull(actual)) fail('expected null');
    return;
  }
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || Number.isNaN(actual)) return fail('expected a number');
    if (expected === actual) return;
    const tol = Math.max(rel * Math.abs(expected), abs);
    if (!(Math.abs(actual - expected) <= tol)) fail(`differs by ${Math.abs(actual - expected)} > ${tol}`);
    return;
  }
  if (typeof expected === 'string' || typeof expected === 'boolean') {
    if (actual !== expected) fail('not equal');
    return;
  }
  if (Array.isArray(expected)) {
    const a = actual as ArrayLike<unknown>;
    if (!a || typeof a !== 'object' || typeof a.length !== 'number') return fail('expected an array');
    if (a.length !== expected.length) fail(`length ${a.length} != ${expected.length}`);
    for (let i = 0; i < expected.length; i++) expectClose(a[i], expected[i], rel, `${path}[${i}]`, abs);
    return;
  }
  if (typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return fail('expected an object');
    for (const [k, v] of Object.entries(expected as Record<string, unknown>))
      expectClose((actual as Record<string, unknown>)[k], v, rel, `${path}.${k}`, abs);
    return;
  }
  expect(actual).toEqual(expected);
}

/** A tiny RFC-4180 CSV reader (quoted fields, doubled quotes); returns header and string cells. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const header = rows.shift() ?? [];
  return { header, rows: rows.filter((r) => r.length > 1 || r[0] !== '') };
}

export interface CsvData {
  header: string[];
  rows: string[][];
  nrow: number;
}

/** Reads test/reference/data/<name>.csv. */
export function loadCsv(name: string): CsvData {
  const { header, rows } = parseCsv(readFileSync(`${here}data/${name}.csv`, 'utf8'));
  return { header, rows, nrow: rows.length };
}

const isMissing = (s: string) => s === '' || s === 'NA';

/** A numeric column (NaN for missing). */
export function numericColumn(d: CsvData, name: string, type: MeasureType = 'numeric'): NumericColumn {
  const j = d.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return { kind: 'numeric', name, type, values: Float64Array.from(d.rows, (r) => (isMissing(r[j]) ? NaN : Number(r[j]))) };
}

/**
 * A categorical column with levels sorted as R sorts a factor: numbers numerically when all
 * values are numbers, else strings (code -1 for missing).
 */
export function categoricalColumn(d: CsvData, name: string, type: MeasureType = 'categorical'): CategoricalColumn {
  const j = d.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  const vals = d.rows.map((r) => r[j]);
  const uniq = [...new Set(vals.filter((v) => !isMissing(v)))];
  const allNum = uniq.every((v) => v.trim() !== '' && !Number.isNaN(Number(v)));
  uniq.sort(allNum ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const idx = new Map(uniq.map((v, i) => [v, i]));
  return { kind: 'categorical', name, type, levels: uniq, codes: Int32Array.from(vals, (v) => (isMissing(v) ? -1 : idx.get(v)!)) };
}

/**
 * A column typed as the importer would: all-numeric values give a numeric column (type
 * 'integer' when all are whole numbers), anything else a categorical column.
 */
export function autoColumn(d: CsvData, name: string): ColumnData {
  const j = d.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  const vals = d.rows.map((r) => r[j]).filter((v) => !isMissing(v));
  if (vals.every((v) => v.trim() !== '' && !Number.isNaN(Number(v)))) {
    return numericColumn(d, name, vals.every((v) => Number.isInteger(Number(v))) ? 'integer' : 'numeric');
  }
  return categoricalColumn(d, name);
}

/** Keeps the rows where every given column is present (the runner's listwise deletion). */
export function listwise(cols: ColumnData[]): { cols: ColumnData[]; used: number; rows: number } {
  const n = cols.length ? (cols[0].kind === 'numeric' ? cols[0].values.length : cols[0].codes.length) : 0;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    if (cols.every((c) => (c.kind === 'numeric' ? !Number.isNaN(c.values[i]) : c.codes[i] >= 0))) keep.push(i);
  }
  const out = cols.map((c): ColumnData =>
    c.kind === 'numeric'
      ? { ...c, values: Float64Array.from(keep, (i) => c.values[i]) }
      : { ...c, codes: Int32Array.from(keep, (i) => c.codes[i]) },
  );
  return { cols: out, used: keep.length, rows: n };
}

/** A RunContext that does nothing. */
export const testContext = { progress() {}, checkCancelled() {} };
