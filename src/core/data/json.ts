/**
 * JSON: an array of flat objects, or an object whose "data" (or only array-valued) member is one.
 * Columns are the union of keys in order of first appearance; numbers and booleans give type
 * hints, strings are inferred like CSV text, nested objects/arrays become JSON text.
 */
import { UserError } from '../errors';
import { fixColumnNames } from './names';
import { hintFromValues, textOrNull, valueText, type TextColumns } from './text-columns';

export function readJson(text: string, fileName: string): TextColumns {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UserError('data', 'bad_json', {
      en: `"${fileName}" is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
      zh: `"${fileName}"不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）。`,
    });
  }
  let rows: unknown = doc;
  if (!Array.isArray(doc) && doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o.data)) rows = o.data;
    else {
      const arrays = Object.values(o).filter(Array.isArray);
      rows = arrays.length === 1 ? arrays[0] : undefined;
    }
  }
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    throw new UserError('data', 'bad_json', {
      en: `"${fileName}" is not a table in JSON form: expected an array of objects, like [{"id": 1, "age": 34}, ...], or {"data": [...]}.`,
      zh: `"${fileName}"不是 JSON 格式的表格：应为对象数组，如 [{"id": 1, "age": 34}, ...]，或 {"data": [...]}。`,
    });
  }
  if (rows.length === 0) {
    throw new UserError('data', 'no_rows', {
      en: `The JSON file "${fileName}" has no rows.`,
      zh: `JSON 文件"${fileName}"没有数据行。`,
    });
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of rows as Record<string, unknown>[]) {
    for (const k of Object.keys(r)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const names = fixColumnNames(keys);
  const values: (string | null)[][] = [];
  const hints = keys.map((k) => {
    const raw = (rows as Record<string, unknown>[]).map((r) => r[k]);
    values.push(raw.map((v) => textOrNull(valueText(v))));
    return hintFromValues(raw, true);
  });
  return { names, values, hints };
}
