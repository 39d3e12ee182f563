/**
 * Excel export (exceljs, loaded on demand): a "data" sheet with typed cells (numbers, TRUE/FALSE,
 * real dates), a "codebook" sheet, and a "frequencies" sheet (small cells suppressed when asked).
 */
import type { ExportTable } from './types';
import { CODEBOOK_HEADER, codebookRows } from './codebook';
import type { FrequencyRow } from './privacy';

function cell(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if ((type === 'date' || type === 'datetime') && typeof v === 'string') {
    const ms = Date.parse(v.length <= 10 ? `${v}T00:00:00Z` : `${v.replace(/Z$/, '')}Z`);
    return Number.isFinite(ms) ? new Date(ms) : v;
  }
  return v;
}

export async function toXlsx(t: ExportTable, frequencies: FrequencyRow[]): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ClinStat Workbench';
  const data = wb.addWorksheet('data');
  data.columns = t.columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.min(40, Math.max(10, c.name.length + 2)),
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }));
  for (const r of t.rows) data.addRow(t.columns.map((c) => cell(r[c.name], c.type)));
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const cb = wb.addWorksheet('codebook');
  cb.addRow(CODEBOOK_HEADER).font = { bold: true };
  for (const r of codebookRows(t.columns)) cb.addRow(r);
  cb.columns.forEach((col, i) => (col.width = [20, 30, 24, 12, 10, 60, 40, 30][i]));

  const fq = wb.addWorksheet('frequencies');
  fq.addRow(['variable', 'level', 'count', 'percent']).font = { bold: true };
  for (const f of frequencies) fq.addRow([f.variable, f.level, f.count, f.percent]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
