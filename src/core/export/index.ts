/**
 * Exports a dataset (rows + codebook) to bytes: CSV, Excel with codebook, Parquet, the R script
 * that reads the CSV, or the codebook alone. Privacy options apply before any format (privacy.ts).
 */
import { codebookRows, CODEBOOK_HEADER } from './codebook';
import { toCsv, toCsvText, withBom } from './csv';
import { applyPrivacy, frequencyTables } from './privacy';
import { toRScript } from './rscript';
import type { ExportFile, ExportFormat, ExportTable, PrivacyOptions } from './types';

export type { ExportFile, ExportFormat, ExportTable, PrivacyOptions };

export async function exportTable(t: ExportTable, format: ExportFormat, o: PrivacyOptions = {}): Promise<ExportFile> {
  const safe = applyPrivacy(t, o);
  const base = t.name;
  switch (format) {
    case 'csv':
      return { filename: `${base}.csv`, mime: 'text/csv', bytes: toCsv(safe.columns.map((c) => c.name), safe.rows) };
    case 'xlsx': {
      const { toXlsx } = await import('./xlsx');
      return { filename: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await toXlsx(safe, frequencyTables(safe, o.suppressBelow)) };
    }
    case 'parquet': {
      const { toParquet } = await import('./parquet');
      return { filename: `${base}.parquet`, mime: 'application/vnd.apache.parquet', bytes: await toParquet(safe) };
    }
    case 'r':
      return { filename: `read_${base}.R`, mime: 'text/plain', bytes: new TextEncoder().encode(toRScript(base, safe.columns, `${base}.csv`)) };
    case 'codebook':
      return { filename: `${base}_codebook.csv`, mime: 'text/csv', bytes: withBom(toCsvText(CODEBOOK_HEADER, codebookRows(safe.columns))) };
  }
}

/** The frequency tables as CSV (small cells suppressed with `suppressBelow`). */
export function frequenciesCsv(t: ExportTable, o: PrivacyOptions = {}): ExportFile {
  const f = frequencyTables(applyPrivacy(t, o), o.suppressBelow);
  return { filename: `${t.name}_frequencies.csv`, mime: 'text/csv', bytes: withBom(toCsvText(['variable', 'level', 'count', 'percent'], f.map((r) => [r.variable, r.level, r.count, r.percent]))) };
}
