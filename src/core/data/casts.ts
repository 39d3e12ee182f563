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

/** Date formats accepted: 2023-01-05, 2023-1-5, 2023/01/05, 2023/1/5, 05.01.2023 (day.month.year), 2023年1月5日. */
export const DATE_FORMATS = ['%Y-%m-%d', '%Y/%m/%d', '%d.%m.%Y', '%Y年%m月%d日'];
/** Date-times: the date formats above followed by (space or T) HH:MM, HH:MM:SS or HH:MM:SS.fraction. */
export const DATETIME_FORMATS = [
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y-%m-%dT%H:%M:%S',
  '%Y-%m-%dT%H:%M',
  '%Y-%m-%d %H:%M:%S.%f',
  '%Y-%m-%dT%H:%M:%S.%f',
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d %H:%M',
  '%d.%m.%Y %H:%M:%S',
  '%d.%m.%Y %H:%M',
];

const list = (xs: string[]) => '[' + xs.map(literal).join(', ') + ']';
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
      return `CAST(try_strptime(${x}, ${list(DATE_FORMATS)}) AS DATE)`;
    case 'datetime':
      return `coalesce(try_strptime(${x}, ${list(DATETIME_FORMATS)}), try_strptime(${x}, ${list(DATE_FORMATS)}))`;
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
