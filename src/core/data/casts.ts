/**
 * SQL that turns the raw text of a column into a typed value, one expression per measurement
 * type. The same expressions serve inference (count the values that fail), the typed table and
 * setColumnType, so what inference accepts always converts.
 */
import { ident, literal } from '../engine/connector';
import type { MeasureType } from '../plugin/types';

/** Cells equal to one of these (after trimming) are missing. */
export const MISSING_TOKENS = ['', 'NA', 'N/A', 'NULL', 'null', 'NaN', '.', '-'];

export const TRUE_TOKENS = ['true', 'yes', 'y', 't', '是'];
export const FALSE_TOKENS = ['false', 'no', 'n', 'f', '否'];

const INT_RE = literal('[+-]?[0-9]{1,18}');
const NUM_RE = literal('[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?');

/** The raw column with missing tokens turned into NULL (used when filling the raw table). */
export function missingToNull(expr: string): string {
  return `CASE WHEN trim(${expr}) IN (${MISSING_TOKENS.map(literal).join(', ')}) THEN NULL ELSE ${expr} END`;
}

/** Expression converting text `x` (already trimmed, NULL if missing) to `type`; NULL when it does not convert. */
export function castText(x: string, type: MeasureType): string {
  switch (type) {
    case 'integer':
      return `CASE WHEN regexp_full_match(${x}, ${INT_RE}) THEN TRY_CAST(${x} AS BIGINT) END`;
    case 'numeric':
      return `CASE WHEN regexp_full_match(${x}, ${NUM_RE}) THEN TRY_CAST(${x} AS DOUBLE) END`;
    case 'boolean':
      return `CASE WHEN lower(${x}) IN (${TRUE_TOKENS.map(literal).join(', ')}) THEN true WHEN lower(${x}) IN (${FALSE_TOKENS.map(literal).join(', ')}) THEN false END`;
    case 'date':
      return dateExpr(x, 'DATE');
    case 'datetime':
      return dateExpr(x, 'TIMESTAMP');
    case 'categorical':
    case 'text':
      return x;
  }
}

/** The typed expression for raw column `name` (optionally qualified by `alias`). */
export function castColumn(name: string, type: MeasureType, alias?: string): string {
  const col = (alias ? alias + '.' : '') + ident(name);
  return castText(`trim(${col})`, type);
}

/** DuckDB type stored for each measurement type. */
export function sqlTypeOf(type: MeasureType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'numeric':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'datetime':
      return 'TIMESTAMP';
    default:
      return 'VARCHAR';
  }
}

/*
 * Dates: try_strptime is very slow on values that do not match (about 13 µs each in WASM), so each
 * accepted shape is recognised by a regular expression, rewritten to ISO and cast (TRY_CAST gives
 * NULL for impossible dates such as 2023-02-30). Shapes: Y-M-D, Y/M/D, D.M.Y, Y年M月D日, the first
 * three optionally followed by (space or T) H:MM, H:MM:SS or H:MM:SS.fraction (datetime only).
 */
const TIME = '([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?)';
function dateExpr(x: string, to: 'DATE' | 'TIMESTAMP'): string {
  const t = to === 'TIMESTAMP' ? TIME + '?' : '';
  const ymd = literal(`[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}${t}`);
  const dmy = literal(`[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}${t}`);
  const cn = literal('[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日');
  return (
    `CASE WHEN regexp_full_match(${x}, ${ymd}) THEN TRY_CAST(replace(${x}, '/', '-') AS ${to}) ` +
    `WHEN regexp_full_match(${x}, ${dmy}) THEN TRY_CAST(regexp_replace(${x}, '^([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{4})', '\\3-\\2-\\1') AS ${to}) ` +
    `WHEN regexp_full_match(${x}, ${cn}) THEN TRY_CAST(regexp_replace(${x}, '^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$', '\\1-\\2-\\3') AS ${to}) END`
  );
}

/**
 * Excel stores dates as day counts from 1899-12-30 (serials): a whole number in the range of
 * 1900-03-01 .. 9999-12-31 converts to that day. Only on the user's request (setColumnType):
 * inference never turns integers into dates.
 */
function excelSerialDate(x: string): string {
  return `CASE WHEN regexp_full_match(${x}, '[0-9]{2,7}([.]0+)?') AND TRY_CAST(${x} AS DOUBLE) BETWEEN 61 AND 2958465 ` +
    `THEN CAST(DATE '1899-12-30' + CAST(TRY_CAST(${x} AS DOUBLE) AS INTEGER) AS DATE) END`;
}

/** For setColumnType: a date-time text also converts to a date (its day), and so does an Excel serial number. */
export function castTextLenient(x: string, type: MeasureType): string {
  if (type === 'date') return `coalesce(CAST(${dateExpr(x, 'TIMESTAMP')} AS DATE), ${excelSerialDate(x)})`;
  return castText(x, type);
}
