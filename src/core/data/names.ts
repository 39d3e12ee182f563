/**
 * Table and column naming for imports.
 * Table names are plain SQL identifiers (lower-case ASCII letters, digits, underscore) so users
 * can type them in SQL; column names are kept as written in the file (quoted with ident()),
 * only blanks and duplicates are fixed.
 */

/** Internal tables (raw text copies, metadata) start with this prefix and are hidden from users. */
export const INTERNAL_PREFIX = '__';

export function rawTableName(table: string): string {
  return `__raw_${table}`;
}

/** The file name without folders and without its extension. */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

export function extensionOf(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

/**
 * A valid, unused table name derived from a file name: "Visit Data (2023).csv" -> "visit_data_2023".
 * A name with no ASCII letters or digits (e.g. "血压.csv") becomes "table_1", "table_2", ...
 * `existing` is compared case-insensitively (DuckDB identifiers are case-insensitive).
 */
export function tableNameFromFile(fileName: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  let base = baseName(fileName)
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') {
    for (let i = 1; ; i++) if (!taken.has(`table_${i}`)) return `table_${i}`;
  }
  if (/^[0-9]/.test(base)) base = `t_${base}`;
  if (base.length > 60) base = base.slice(0, 60).replace(/_+$/, '');
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/**
 * Column names from a header: surrounding whitespace trimmed, blanks become column_N
 * (N = 1-based position), duplicates (case-insensitive, as DuckDB compares them) get _2, _3, ...
 * Anything else (Chinese, spaces, `<script>`) is kept verbatim: it is only ever a quoted identifier.
 */
export function fixColumnNames(names: readonly (string | null | undefined)[]): string[] {
  const trimmed = names.map((n, i) => {
    const t = (n ?? '').replace(/^\uFEFF/, '').trim();
    return t === '' ? `column_${i + 1}` : t;
  });
  const used = new Set<string>();
  const out: string[] = [];
  for (const n of trimmed) {
    let name = n;
    if (used.has(name.toLowerCase())) {
      for (let k = 2; ; k++) {
        const cand = `${n}_${k}`;
        if (!used.has(cand.toLowerCase()) && !trimmed.some((t) => t.toLowerCase() === cand.toLowerCase())) {
          name = cand;
          break;
        }
      }
    }
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}
