/**
 * Number formatting for interpretation sentences (never for stored results, which keep
 * full precision).
 */

/** A number with `sig` significant digits (at least up to the units), no exponent for everyday sizes. */
export function fmt(x: number | null | undefined, sig = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'NA';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e15 || a < 1e-4) return x.toExponential(sig - 1);
  const digits = Math.max(0, sig - 1 - Math.floor(Math.log10(a)));
  return x.toFixed(Math.min(digits, 10));
}

/** A p-value as reported: "< 0.001" or "= 0.042" (three decimals, two significant digits when small). */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '= NA';
  if (p < 0.001) return '< 0.001';
  if (p < 0.01) return `= ${p.toFixed(3)}`;
  return `= ${p.toFixed(p >= 0.0995 ? 2 : 3)}`;
}

/** A percentage with up to one decimal, e.g. 95 -> "95", 0.9 -> "90". */
export function fmtPct(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}

/** An R name: bare when syntactic, else in backticks. */
export function rName(name: string): string {
  return /^([A-Za-z]|[.][A-Za-z._])[A-Za-z0-9._]*$/.test(name) || name === '.' ? name : '`' + name.replace(/`/g, '\\`') + '`';
}

/** An R string literal. */
export function rString(s: string): string {
  return JSON.stringify(s);
}
