/** Small number and date formatting shared by the registry views. */

/** 0.873 -> "87%", 0.004 -> "0.4%", 0 -> "0%". */
export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  if (p === 0 || p >= 10 || p === 100) return `${Math.round(p)}%`;
  return `${p.toFixed(1).replace(/\.0$/, '')}%`;
}

/** A number for display: integers as they are, others with up to 3 significant decimals. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return String(Number(v.toFixed(a >= 100 ? 1 : a >= 1 ? 2 : 3)));
}

/** Milliseconds since the epoch of an ISO date or date-time (date-times without a zone read as UTC). */
export function timeOf(iso: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Date.parse(iso + 'T00:00:00Z');
  if (/T|\s/.test(iso) && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) return Date.parse(iso.replace(' ', 'T') + 'Z');
  return Date.parse(iso);
}

/** "2023-04-05" (or with time "2023-04-05 08:30") from an ISO string. */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] && m[2] !== '00:00' ? `${m[1]} ${m[2]}` : m[1];
}
