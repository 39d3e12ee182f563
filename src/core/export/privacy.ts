/**
 * Disclosure control before data leave the browser: dropping direct identifiers, shifting dates
 * per patient, and suppressing small counts in frequency tables (docs/DATASETS.md, "Export").
 */
import type { JsonCell } from '../engine/rows';
import type { DatasetColumn } from '../dataset/types';
import type { ExportTable } from './types';

const IDENTIFIER_NAME = /(^|_)(id|ids|name|names|phone|tel|telephone|mobile|address|addr|email|mrn|ssn|id_?card|passport)($|_)/i;

/** A direct identifier: flagged in the codebook/manifest, or named like one (patient_id, name, phone, address...). */
export function isDirectIdentifier(c: DatasetColumn): boolean {
  return !!c.identifier || IDENTIFIER_NAME.test(c.name);
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One uniform number in [0, 1) from a seed and a key (mulberry32 step), the same on every run. */
export function seededUniform(seed: number, key: string): number {
  let t = (fnv1a(`${seed}:${key}`) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The shift in days (never 0, within ±maxDays) a patient's dates get. */
export function patientShift(seed: number, id: JsonCell, maxDays: number): number {
  const m = Math.max(1, Math.floor(maxDays));
  const k = Math.floor(seededUniform(seed, String(id)) * 2 * m);
  return k < m ? k - m : k - m + 1;
}

function shiftIso(value: string, days: number): string {
  const date = value.length <= 10;
  const ms = Date.parse(date ? `${value}T00:00:00Z` : `${value.replace(/Z$/, '')}Z`) + days * 86_400_000;
  const iso = new Date(ms).toISOString();
  return date ? iso.slice(0, 10) : iso.replace(/Z$/, '').replace(/\.000$/, '');
}

/** Shifts every date and date-time of each row by its patient's shift: intervals within a patient are kept. */
export function shiftDates(t: ExportTable, o: { seed: number; maxDays: number; idColumn: string }): ExportTable {
  const dateCols = t.columns.filter((c) => c.type === 'date' || c.type === 'datetime').map((c) => c.name);
  if (!dateCols.length) return t;
  const rows = t.rows.map((r) => {
    const s = patientShift(o.seed, r[o.idColumn], o.maxDays);
    const out = { ...r };
    for (const c of dateCols) if (typeof out[c] === 'string') out[c] = shiftIso(out[c] as string, s);
    return out;
  });
  return { ...t, rows };
}

/** Removes direct identifiers; a pseudonym (1..n in a seeded random order) keeps rows linkable within the export. */
export function dropIdentifiers(t: ExportTable, seed = 1): ExportTable {
  const drop = new Set(t.columns.filter(isDirectIdentifier).map((c) => c.name));
  if (!drop.size) return t;
  const key = (r: Record<string, JsonCell>) => [...drop].map((c) => String(r[c])).join('|');
  const order = t.rows.map((r, i) => ({ i, u: seededUniform(seed, key(r)) })).sort((a, b) => a.u - b.u);
  const pseudo = new Array<number>(t.rows.length);
  order.forEach((o, rank) => (pseudo[o.i] = rank + 1));
  const columns: DatasetColumn[] = [
    { name: 'pseudo_id', type: 'integer', label: { en: 'Pseudonymous row number', zh: '匿名行号' }, definition: { en: 'Random number replacing the removed identifiers', zh: '替代已删除标识符的随机编号' } },
    ...t.columns.filter((c) => !drop.has(c.name)),
  ];
  const rows = t.rows.map((r, i) => {
    const out: Record<string, JsonCell> = { pseudo_id: pseudo[i] };
    for (const c of columns.slice(1)) out[c.name] = r[c.name];
    return out;
  });
  return { ...t, columns, rows };
}

export interface FrequencyRow {
  variable: string;
  level: string;
  /** The count, or "<k" when suppressed. */
  count: number | string;
  /** Percent of non-missing rows, or "" when suppressed. */
  percent: number | string;
}

/**
 * Counts per level of every categorical and yes/no column (missing as its own level). With
 * `k`, counts from 1 to k-1 become "<k"; when a variable would have exactly one suppressed cell,
 * the next smallest count is suppressed too, so it cannot be recovered from the total.
 */
export function frequencyTables(t: ExportTable, k?: number): FrequencyRow[] {
  const out: FrequencyRow[] = [];
  for (const c of t.columns) {
    if (c.type !== 'categorical' && c.type !== 'boolean') continue;
    const counts = new Map<string, number>();
    for (const l of c.levels ?? []) counts.set(l, 0);
    let present = 0;
    for (const r of t.rows) {
      const v = r[c.name];
      const level = v === null ? '(missing)' : String(v);
      counts.set(level, (counts.get(level) ?? 0) + 1);
      if (v !== null) present++;
    }
    const cells = [...counts].map(([level, n]) => ({ level, n, hide: !!k && n > 0 && n < k }));
    if (k && cells.filter((x) => x.hide).length === 1) {
      const next = cells.filter((x) => !x.hide && x.n > 0).sort((a, b) => a.n - b.n)[0];
      if (next) next.hide = true;
    }
    for (const x of cells) {
      const pct = x.level === '(missing)' || !present ? '' : Math.round((1000 * x.n) / present) / 10;
      out.push({ variable: c.name, level: x.level, count: x.hide ? `<${k}` : x.n, percent: x.hide ? '' : pct });
    }
  }
  return out;
}

/** Applies the row-level options (dates first, as the shift needs the patient id; then identifiers). */
export function applyPrivacy(t: ExportTable, o: { dropIdentifiers?: boolean; dateShift?: { seed: number; maxDays: number; idColumn: string } }): ExportTable {
  let out = t;
  if (o.dateShift) out = shiftDates(out, o.dateShift);
  if (o.dropIdentifiers) out = dropIdentifiers(out, o.dateShift?.seed ?? 1);
  return out;
}
