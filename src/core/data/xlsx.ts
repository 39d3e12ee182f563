/**
 * Excel .xlsx via exceljs, read from the bytes in memory. The first row of the sheet is the
 * header. Cells become text for the raw table (numbers as JavaScript prints them, dates as ISO
 * text, rich text / hyperlinks / formula results as their text or value); a column whose cells
 * are all date-formatted (Date objects) is hinted as date or datetime, so a column of plain
 * Excel serial numbers stays numeric.
 */
import { UserError } from '../errors';
import type { MeasureType } from '../plugin/types';
import { fixColumnNames } from './names';
import { dateText, textOrNull, type TextColumns } from './text-columns';

export interface XlsxResult extends TextColumns {
  sheet: string;
  sheets: string[];
}

type Kind = 'date' | 'datetime' | 'boolean' | 'other';

/** A cell value as text plus what kind of value it was. */
export function cellText(v: unknown): { text: string | null; kind: Kind } {
  if (v === null || v === undefined) return { text: null, kind: 'other' };
  if (v instanceof Date) {
    const t = dateText(v);
    return { text: t || null, kind: t.length > 10 ? 'datetime' : 'date' };
  }
  if (typeof v === 'number') return { text: Number.isFinite(v) ? String(v) : null, kind: 'other' };
  if (typeof v === 'boolean') return { text: v ? 'true' : 'false', kind: 'boolean' };
  if (typeof v === 'string') return { text: v, kind: 'other' };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return { text: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''), kind: 'other' };
    }
    if ('error' in o) return { text: null, kind: 'other' };
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return { text: String(v), kind: 'other' };
}

function notExcel(fileName: string): UserError {
  return new UserError('data', 'bad_xlsx', {
    en: `"${fileName}" is not a valid Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx, or export it as CSV.`,
    zh: `"${fileName}"不是有效的 Excel 工作簿（.xlsx）。请在 Excel 中打开并另存为 .xlsx，或导出为 CSV。`,
  });
}

export async function readXlsx(bytes: Uint8Array, fileName: string, sheetName?: string): Promise<XlsxResult> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  try {
    const B = (globalThis as { Buffer?: { from(b: Uint8Array): unknown } }).Buffer;
    await wb.xlsx.load((B ? B.from(bytes) : bytes) as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw notExcel(fileName);
  }
  const sheets = wb.worksheets.map((w) => w.name);
  if (sheets.length === 0) throw notExcel(fileName);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name === sheetName);
  if (!ws) {
    throw new UserError('data', 'no_such_sheet', {
      en: `The workbook "${fileName}" has no sheet named "${sheetName}". Sheets: ${sheets.join(', ')}.`,
      zh: `工作簿"${fileName}"中没有名为"${sheetName}"的工作表。现有工作表：${sheets.join('、')}。`,
    });
  }
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const vals = row.values as unknown[];
    rows.push(Array.isArray(vals) ? vals.slice(1) : []);
  });
  if (rows.length === 0) {
    throw new UserError('data', 'empty_sheet', {
      en: `The sheet "${ws.name}" in "${fileName}" is empty.`,
      zh: `"${fileName}"中的工作表"${ws.name}"是空的。`,
    });
  }
  if (rows.length === 1) {
    throw new UserError('data', 'no_rows', {
      en: `The sheet "${ws.name}" in "${fileName}" has a header but no data rows.`,
      zh: `"${fileName}"中的工作表"${ws.name}"只有表头，没有数据行。`,
    });
  }
  const width = Math.max(...rows.map((r) => r.length));
  const names = fixColumnNames(Array.from({ length: width }, (_, i) => cellText(rows[0][i]).text));
  const values: (string | null)[][] = names.map(() => new Array<string | null>(rows.length - 1));
  const kinds: Set<Kind>[] = names.map(() => new Set());
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < width; c++) {
      const { text, kind } = cellText(row[c]);
      const t = textOrNull(text);
      values[c][r - 1] = t;
      if (t !== null) kinds[c].add(kind);
    }
  }
  const hints = kinds.map((k): MeasureType | null => {
    if (k.size === 0) return null;
    if ([...k].every((x) => x === 'date')) return 'date';
    if ([...k].every((x) => x === 'date' || x === 'datetime')) return 'datetime';
    if (k.size === 1 && k.has('boolean')) return 'boolean';
    return null;
  });
  return { names, values, hints, sheet: ws.name, sheets };
}
