/**
 * Which reader a file needs, from its content first (magic bytes) and its extension second.
 */
import { UserError } from '../errors';
import { extensionOf } from './names';
import type { FileFormat } from './types';

function startsWith(bytes: Uint8Array, sig: number[] | string): boolean {
  const s = typeof sig === 'string' ? [...sig].map((c) => c.charCodeAt(0)) : sig;
  if (bytes.length < s.length) return false;
  return s.every((b, i) => bytes[i] === b);
}

export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (startsWith(bytes, 'ARROW1') || startsWith(bytes, [0xff, 0xff, 0xff, 0xff])) return 'arrow';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || ext === 'xls') {
    throw new UserError('data', 'xls_unsupported', {
      en: `"${fileName}" is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx (or CSV), then import that.`,
      zh: `"${fileName}"是旧版 Excel 文件（.xls）。请在 Excel 中打开并另存为 .xlsx（或 CSV）后再导入。`,
    });
  }
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  if (ext === 'arrow' || ext === 'feather' || ext === 'ipc' || ext === 'arrows') return 'arrow';
  if (ext === 'json') return 'json';
  if (['csv', 'tsv', 'txt', 'tab', 'dat'].includes(ext)) return 'csv';
  // Unknown extension: JSON if the text starts with [ or {.
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x5b || bytes[i] === 0x7b) return 'json';
  return 'csv';
}
