/**
 * CSV export: UTF-8 with a byte-order mark (so Excel opens Chinese text correctly), RFC 4180
 * quoting, CRLF line ends; missing values are empty fields; yes/no as TRUE/FALSE (R's logical).
 */
import type { JsonCell } from '../engine/rows';

export function csvField(v: JsonCell): string {
  if (v === null) return '';
  const s = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvText(header: string[], rows: JsonCell[][]): string {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function withBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function toCsv(columns: string[], rows: Record<string, JsonCell>[]): Uint8Array {
  return withBom(toCsvText(columns, rows.map((r) => columns.map((c) => r[c] ?? null))));
}
