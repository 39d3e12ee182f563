/**
 * Display formatting of result cells. Results carry full double precision
 * (RESULTS.md); rounding happens only here, when rendering or exporting.
 *
 * Rules (chosen for clinical manuscripts; documented so tables read the same everywhere):
 * - null, undefined, NaN, ±Infinity -> "—" (the UI adds a tooltip with the reason from the table notes).
 * - p_value: "< 0.001" below 0.001, otherwise 3 decimals ("0.046", "1.000").
 * - number: about 3 significant digits, chosen by magnitude, keeping trailing zeros so a
 *   column lines up: 123.4, 12.3, 1.23, 0.123, 0.0123, 0.00123; |x| >= 100 keeps 1 decimal
 *   (1234.5); |x| < 0.001 or >= 1e7 uses exponent notation (1.23e-5, 4.56e+8). Whole numbers
 *   print without decimals (df = 58). No thousands separators: in science they are ambiguous
 *   across locales (1,234 vs 1.234) and break copy-paste into R, SPSS and Excel.
 * - integer: as is (rounded if a fraction slipped in).
 * - percent: the value is a proportion in [0, 1] (as R's prop.table); shown ×100 with 1 decimal
 *   and a "%" sign (0.1234 -> "12.3%").
 * - ci: a number formats as `number`; a [low, high] pair as "low, high"; a string is shown as is.
 * - text: as is; booleans as "TRUE"/"FALSE" (R's spelling).
 */
import type { CellValue, ColumnType, ResultColumn, ResultTable } from './types';

export const MISSING = '—';

function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Removes a negative sign from values that round to zero ("-0.00" -> "0.00"). */
function noNegZero(s: string): string {
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

export function formatPValue(p: number | null | undefined): string {
  if (!finite(p)) return MISSING;
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

export function formatNumber(x: number | null | undefined): string {
  if (!finite(x)) return MISSING;
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e7) return String(x);
  if (a >= 1e7 || a < 0.001) return noNegZero(expo(x));
  let decimals: number;
  if (a >= 10) decimals = 1;
  else if (a >= 1) decimals = 2;
  else decimals = Math.min(6, 2 - Math.floor(Math.log10(a)));
  let s = x.toFixed(decimals);
  // Rounding can carry into the next magnitude (9.996 -> "10.00"): re-format at that magnitude.
  const r = Number(s);
  if (Math.abs(r) >= 10 && a < 10) s = x.toFixed(1);
  else if (Math.abs(r) >= 1 && a < 1) s = x.toFixed(2);
  else if (Math.abs(r) >= 0.1 && a < 0.1 && decimals > 3) s = x.toFixed(decimals - 1);
  return noNegZero(s);
}

/** 3-significant-digit exponent notation with a signed exponent: 1.23e-5, 4.56e+8. */
function expo(x: number): string {
  return x.toExponential(2);
}

export function formatInteger(x: number | null | undefined): string {
  if (!finite(x)) return MISSING;
  return String(Math.round(x));
}

export function formatPercent(x: number | null | undefined): string {
  if (!finite(x)) return MISSING;
  return `${noNegZero((x * 100).toFixed(1))}%`;
}

/** Formats a confidence interval from its bounds: "1.23, 4.56" (brackets are left to the caller). */
export function formatCi(low: number | null | undefined, high: number | null | undefined): string {
  if (!finite(low) && !finite(high)) return MISSING;
  return `${formatNumber(low)}, ${formatNumber(high)}`;
}

/** Formats one cell according to its column type. */
export function formatCell(value: CellValue | undefined | readonly unknown[], type: ColumnType): string {
  if (value === null || value === undefined) return MISSING;
  if (Array.isArray(value)) {
    const [lo, hi] = value as unknown[];
    return formatCi(finite(lo) ? lo : null, finite(hi) ? hi : null);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (type === 'text' || type === 'ci') return value;
    // A numeric column holding a string (e.g. "Inf" from a fixture) is shown as written.
    return value === '' ? MISSING : value;
  }
  if (typeof value !== 'number') return String(value);
  switch (type) {
    case 'p_value':
      return formatPValue(value);
    case 'integer':
      return formatInteger(value);
    case 'percent':
      return formatPercent(value);
    case 'text':
      return finite(value) ? String(value) : MISSING;
    case 'number':
    case 'ci':
    default:
      return formatNumber(value);
  }
}

/** True when a cell renders as the missing mark (so the UI can add the reason tooltip). */
export function isMissingCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));
}

/** Whether a column's cells are right-aligned (numbers) in tables. */
export function isNumericColumn(type: ColumnType): boolean {
  return type !== 'text';
}

export interface FormattedTable {
  headers: string[];
  rows: string[][];
}

/** Formats a whole table with the given header labels (e.g. chosen by language). */
export function formatTable(table: ResultTable, label: (c: ResultColumn) => string = (c) => c.label): FormattedTable {
  return {
    headers: table.columns.map(label),
    rows: table.rows.map((row) => table.columns.map((c) => formatCell(row[c.key], c.type))),
  };
}

/** Tab-separated text (header + rows) of a formatted table; missing cells are left empty for spreadsheets. */
export function toTsv(t: FormattedTable): string {
  const clean = (s: string) => (s === MISSING ? '' : s.replace(/[\t\r\n]+/g, ' '));
  return [t.headers, ...t.rows].map((r) => r.map(clean).join('\t')).join('\n') + '\n';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained HTML table (escaped) for pasting into Word or a manuscript editor. */
export function toHtml(t: FormattedTable, caption?: string, numeric?: boolean[]): string {
  const cell = (tag: 'th' | 'td', s: string, i: number) =>
    `<${tag}${numeric?.[i] && tag === 'td' ? ' style="text-align:right"' : ''}>${escapeHtml(s)}</${tag}>`;
  const head = `<tr>${t.headers.map((h, i) => cell('th', h, i)).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((s, i) => cell('td', s, i)).join('')}</tr>`).join('');
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">${cap}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}
