/**
 * Arrow IPC (file "ARROW1" or stream format) via apache-arrow: read, then every column to text
 * with a type hint from the Arrow type (integers -> integer, floats/decimals -> numeric,
 * bool -> boolean, date -> date, timestamp -> datetime; strings are inferred like CSV text).
 */
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { UserError } from '../errors';
import type { MeasureType } from '../plugin/types';
import { fixColumnNames } from './names';
import { dateText, textOrNull, valueText, type TextColumns } from './text-columns';

export function readArrow(bytes: Uint8Array, fileName: string): TextColumns {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new UserError('data', 'bad_arrow', {
      en: `"${fileName}" is not a valid Arrow IPC file${e instanceof Error ? ` (${e.message})` : ''}.`,
      zh: `"${fileName}"不是有效的 Arrow IPC 文件。`,
    });
  }
  if (table.numRows === 0) {
    throw new UserError('data', 'no_rows', {
      en: `The Arrow file "${fileName}" has no rows.`,
      zh: `Arrow 文件"${fileName}"没有数据行。`,
    });
  }
  const fields = table.schema.fields;
  const names = fixColumnNames(fields.map((f) => f.name));
  const values: (string | null)[][] = [];
  const hints: (MeasureType | null)[] = [];
  fields.forEach((f, i) => {
    const vec = table.getChildAt(i)!;
    const t = f.type;
    let hint: MeasureType | null = null;
    let conv: (v: unknown) => string | null = valueText;
    if (DataType.isInt(t)) hint = 'integer';
    else if (DataType.isFloat(t) || DataType.isDecimal(t)) hint = 'numeric';
    else if (DataType.isBool(t)) hint = 'boolean';
    else if (DataType.isDate(t)) {
      hint = 'date';
      conv = (v) => (v === null || v === undefined ? null : dateText(v instanceof Date ? v : new Date(Number(v)), true));
    } else if (DataType.isTimestamp(t)) {
      hint = 'datetime';
      conv = (v) => (v === null || v === undefined ? null : dateText(v instanceof Date ? v : new Date(Number(v))));
    } else if (DataType.isUtf8(t) || DataType.isLargeUtf8(t) || DataType.isDictionary(t)) hint = null;
    else hint = 'text';
    if (DataType.isDecimal(t)) conv = (v) => (v === null || v === undefined ? null : String(v));
    if (hint === 'text') conv = (v) => (v === null || v === undefined ? null : valueText(typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v));
    const out = new Array<string | null>(vec.length);
    for (let r = 0; r < vec.length; r++) out[r] = textOrNull(conv(vec.get(r)));
    values.push(out);
    hints.push(hint);
  });
  return { names, values, hints };
}
